package de.rathaus.application.notification;

import java.util.Objects;

/**
 * One e-mail to a citizen: their address, the subject and the text. All of it is personal data
 * (stored encrypted under the citizen's key, never logged); {@link #toString()} shows none of it.
 */
public record Mail(String to, String subject, String text) {

  public Mail {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
  }

  @Override
  public String toString() {
    return "Mail[personal data]";
  }
}
