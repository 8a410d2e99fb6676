package de.rathaus.application.participation;

/**
 * Where the city stands with its duty to answer a proposal: once a proposal reaches its
 * consultation's support threshold, the city must answer it within the consultation's answer
 * deadline; an answer not given by then is flagged publicly, as an overdue case is.
 */
public enum AnswerDuty {
  /**
   * No deadline runs: the consultation sets none, or the proposal has not reached its threshold.
   */
  NONE,
  /** The deadline runs and has not passed; no answer yet. */
  DUE,
  /** The deadline passed without an answer. */
  OVERDUE,
  /** The city's first answer came by the deadline. */
  ANSWERED_IN_TIME,
  /** The city's first answer came after the deadline. */
  ANSWERED_LATE
}
