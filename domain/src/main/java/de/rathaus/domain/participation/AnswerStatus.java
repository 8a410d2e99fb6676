package de.rathaus.domain.participation;

/**
 * What the city's official answer to a proposal says (Stellungnahme der Stadt): it takes the
 * proposal up, turns it down (with reasons), is implementing it, or has implemented it. The answer
 * may be updated over time, and each update stays as a public dated entry.
 */
public enum AnswerStatus {
  ACCEPTED,
  REJECTED,
  IN_IMPLEMENTATION,
  IMPLEMENTED
}
