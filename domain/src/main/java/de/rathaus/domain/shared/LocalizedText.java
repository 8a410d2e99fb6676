package de.rathaus.domain.shared;

/** A text in German and English; German is the official language and always required. */
public record LocalizedText(String de, String en) {

  public LocalizedText {
    if (de == null || de.isBlank()) {
      throw new IllegalArgumentException("The German text is required");
    }
    en = en == null || en.isBlank() ? null : en;
  }

  /** The text for a language: English where given and asked for, German otherwise. */
  public String in(String language) {
    return "en".equals(language) && en != null ? en : de;
  }
}
