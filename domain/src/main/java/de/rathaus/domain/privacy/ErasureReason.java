package de.rathaus.domain.privacy;

/**
 * Why a citizen's personal data was erased, as one of the grounds of DSGVO Art. 17(1) or the end of
 * the retention period. A closed list rather than free text: the reason stays in the history for
 * good, after the data is erased, so it must not be able to hold personal data; what the office
 * knows beyond the ground lives in its data protection file, named by the erasure's reference.
 */
public enum ErasureReason {
  /** Art. 17(1)(a): the data is no longer needed for the purpose it was collected for. */
  NO_LONGER_NEEDED,
  /** Art. 17(1)(b): the citizen withdrew the consent the processing was based on. */
  CONSENT_WITHDRAWN,
  /** Art. 17(1)(c): the citizen objected to the processing (Art. 21). */
  OBJECTION,
  /** Art. 17(1)(d): the data was processed unlawfully. */
  UNLAWFULLY_PROCESSED,
  /** Art. 17(1)(e): a legal obligation requires the erasure. */
  LEGAL_OBLIGATION,
  /** The retention periods of all the citizen's cases ran out; the engine erases by itself. */
  RETENTION_EXPIRED;

  /** The ground this reason belongs to. */
  public ErasureGround ground() {
    return this == RETENTION_EXPIRED ? ErasureGround.RETENTION : ErasureGround.REQUEST;
  }
}
