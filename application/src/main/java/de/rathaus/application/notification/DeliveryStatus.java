package de.rathaus.application.notification;

/** Where a message of the outbox stands. */
public enum DeliveryStatus {
  /** Waiting to be sent (again, after a failed attempt, from its next attempt on). */
  PENDING,
  /** Claimed by a sender, until its lease ends. */
  SENDING,
  /** Accepted by the mail server. */
  SENT,
  /** Given up after the last attempt. */
  FAILED,
  /** Not sent: the citizen switched notifications off before it went out. */
  CANCELLED,
  /** Not sent: the citizen's personal data was erased before it went out. */
  ERASED;

  /** Whether nothing more happens to it. */
  public boolean done() {
    return this != PENDING && this != SENDING;
  }
}
