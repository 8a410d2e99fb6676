package de.rathaus.domain.participation;

import de.rathaus.domain.shared.LocalizedText;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An administrator published what came of a closed consultation: its final phase.
 *
 * @param summary the published result summary, German and optionally English
 * @param at when it was published
 */
@Revision("1")
public record ConsultationResultsPublished(ConsultationId id, LocalizedText summary, Instant at) {

  public ConsultationResultsPublished {
    if (id == null || summary == null || at == null) {
      throw new IllegalArgumentException("Published results need the summary and their time");
    }
  }
}
