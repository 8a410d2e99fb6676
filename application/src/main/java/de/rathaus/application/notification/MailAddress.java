package de.rathaus.application.notification;

import java.util.Objects;

/**
 * An e-mail address of a citizen: personal data, never in {@link #toString()}. A record of its own
 * so that once its key is destroyed it reads as {@code null} rather than as a placeholder text.
 */
public record MailAddress(String value) {

  public MailAddress {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return "MailAddress[personal data]";
  }
}
