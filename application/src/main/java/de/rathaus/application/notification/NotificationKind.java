package de.rathaus.application.notification;

/** What a citizen is told about. */
public enum NotificationKind {
  /** Their request was received. */
  SUBMITTED,
  /** The office asks them something about their request. */
  INFORMATION_REQUESTED,
  /** Their request went to another department. */
  FORWARDED,
  /** Their request was decided. */
  DECIDED,
  /** Their objection to the decision was decided (upheld or rejected). */
  OBJECTION_DECIDED,
  /** Their request passed its due date. */
  OVERDUE,
  /** The city answered their proposal. */
  PROPOSAL_ANSWERED
}
