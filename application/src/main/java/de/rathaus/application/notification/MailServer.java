package de.rathaus.application.notification;

/**
 * Where mails are handed over (SMTP). Implementations never put the address or the text into logs
 * or exception messages of their own.
 */
public interface MailServer {

  /**
   * Hands the mail over; returns once the server accepted it.
   *
   * @throws RuntimeException if it was not accepted (tried again later)
   */
  void send(Mail mail);
}
