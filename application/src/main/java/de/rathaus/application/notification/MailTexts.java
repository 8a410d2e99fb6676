package de.rathaus.application.notification;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;

/**
 * The words of the notifications, in German and English ({@code mails_de.properties}, {@code
 * mails_en.properties} beside this class). Dates are the city's calendar days.
 */
public final class MailTexts {

  private static final String BUNDLE = "de.rathaus.application.notification.mails";
  private static final ZoneId CITY = ZoneId.of("Europe/Berlin");
  private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private MailTexts() {}

  /**
   * The mail of {@code kind} to {@code to}.
   *
   * @param caseNumber the case number it names (empty for a proposal)
   * @param detail what the kind adds: a date, a department, a coded outcome (its words are looked
   *     up under {@code outcome.} or {@code answer.})
   * @param more a further text (the city's public reasoning of a proposal's answer), or empty
   */
  public static Mail mail(
      MailAddress to,
      MailLanguage language,
      NotificationKind kind,
      String caseNumber,
      String detail,
      String more) {
    ResourceBundle words =
        ResourceBundle.getBundle(
            BUNDLE,
            language.locale(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    Object[] arguments = {caseNumber, detail, more};
    return new Mail(
        to.value(),
        MessageFormat.format(quoted(words.getString("subject." + kind)), arguments),
        MessageFormat.format(quoted(words.getString("text." + kind)), arguments));
  }

  /** The words of a coded outcome or answer status ({@code outcome.APPROVED}). */
  public static String word(MailLanguage language, String key) {
    return ResourceBundle.getBundle(
            BUNDLE,
            language.locale(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
        .getString(key);
  }

  /** A day of the city's calendar, as the language writes it. */
  public static String date(MailLanguage language, Instant at) {
    return language == MailLanguage.GERMAN
        ? GERMAN_DATE.format(at.atZone(CITY))
        : DateTimeFormatter.ISO_LOCAL_DATE.format(at.atZone(CITY));
  }

  /** A single quote is MessageFormat's escape: the German texts have none, doubled to be sure. */
  private static String quoted(String pattern) {
    return pattern.replace("'", "''");
  }
}
