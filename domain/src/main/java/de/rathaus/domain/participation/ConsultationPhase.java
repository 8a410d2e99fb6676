package de.rathaus.domain.participation;

/**
 * Where a consultation stands. Phases only ever move forward, in this order: a draft is being
 * prepared (and seen only by administrators), an open consultation takes contributions, in voting
 * the contributions are supported, a closed one takes nothing more, and finally the city publishes
 * what came of it.
 */
public enum ConsultationPhase {
  DRAFT,
  OPEN,
  VOTING,
  CLOSED,
  RESULTS_PUBLISHED;

  /** Whether this phase comes after {@code other}. */
  public boolean isAfter(ConsultationPhase other) {
    return compareTo(other) > 0;
  }

  /** Whether the public sees a consultation in this phase (everything but a draft). */
  public boolean isPublic() {
    return this != DRAFT;
  }
}
