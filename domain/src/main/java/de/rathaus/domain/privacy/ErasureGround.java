package de.rathaus.domain.privacy;

/** Why personal data was erased. */
public enum ErasureGround {
  /** The citizen asked, or the data protection officer decided (DSGVO Art. 17). */
  REQUEST,
  /** The retention period of the citizen's last case ran out. */
  RETENTION
}
