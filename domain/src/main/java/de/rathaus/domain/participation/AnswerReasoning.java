package de.rathaus.domain.participation;

/**
 * The city's reasons for its answer to a proposal: in German, the text in force, and where the city
 * translated it also in English, for residents who read no German (the portal and the mails speak
 * both). Public, and not personal data: the city names no one in its answers.
 *
 * @param german the reasons in German
 * @param english the same reasons in English, or {@code null} where the city gave none
 */
public record AnswerReasoning(String german, String english) {

  public AnswerReasoning {
    if (german == null || german.isBlank()) {
      throw new IllegalArgumentException("An answer's reasoning has its German text");
    }
    if (english != null && english.isBlank()) {
      throw new IllegalArgumentException("An English reasoning is a text, or none");
    }
  }

  /** Reasons given in German alone. */
  public static AnswerReasoning inGerman(String german) {
    return new AnswerReasoning(german, null);
  }

  /** The text for a reader of the given language ({@code "en"}, or German): German if no other. */
  public String in(String language) {
    return "en".equals(language) && english != null ? english : german;
  }
}
