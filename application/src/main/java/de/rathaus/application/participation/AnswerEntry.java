package de.rathaus.application.participation;

import de.rathaus.domain.participation.AnswerStatus;
import java.time.Instant;

/**
 * One dated entry of the city's answers to a proposal, as the public reads it.
 *
 * @param reasoning the city's reasons in German (public)
 * @param at when the city gave it
 * @param reasoningEnglish the same reasons in English, or {@code null} where the city gave none
 *     (and in entries stored before answers had an English text)
 */
public record AnswerEntry(
    AnswerStatus status, String reasoning, Instant at, String reasoningEnglish) {

  /** An entry whose reasons are in German alone. */
  public AnswerEntry(AnswerStatus status, String reasoning, Instant at) {
    this(status, reasoning, at, null);
  }

  /**
   * The reasons for a reader of the given language ({@code "en"}, or German): German if no other.
   */
  public String reasoningIn(String language) {
    return "en".equals(language) && reasoningEnglish != null ? reasoningEnglish : reasoning;
  }
}
