package de.rathaus.application.notification;

import java.util.Locale;

/** The languages a notification is written in: German unless the citizen asked in English. */
public enum MailLanguage {
  GERMAN(Locale.GERMAN),
  ENGLISH(Locale.ENGLISH);

  private final Locale locale;

  MailLanguage(Locale locale) {
    this.locale = locale;
  }

  public Locale locale() {
    return locale;
  }

  /** The language of a language tag ({@code en}, {@code en-GB}); German for anything else. */
  public static MailLanguage of(String tag) {
    if (tag != null && Locale.forLanguageTag(tag).getLanguage().equals("en")) {
      return ENGLISH;
    }
    return GERMAN;
  }
}
