package de.rathaus.domain.participation;

/** How citizens take part in a consultation. */
public enum ConsultationFormat {
  /**
   * Citizens submit proposals, support and comment on them; after an optional voting phase the city
   * answers each proposal.
   */
  IDEAS,
  /**
   * A real-world lab (Reallabor): the city puts up the pilot projects or products under test, and
   * citizens rate each from 1 to 5 and comment. No proposals of their own, no supports, no voting.
   */
  FEEDBACK;

  /** Whether a consultation of this format may have a voting phase. */
  public boolean hasVoting() {
    return this == IDEAS;
  }
}
