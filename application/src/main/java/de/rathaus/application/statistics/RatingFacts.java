package de.rathaus.application.statistics;

import de.rathaus.application.shared.Versioned;
import java.time.Instant;

/** One citizen's rating of one item, known by its pseudonym only: the stars it gives now. */
public record RatingFacts(String id, String item, int stars, Instant at, long sequence)
    implements Versioned<RatingFacts> {

  @Override
  public RatingFacts atSequence(long sequence) {
    return new RatingFacts(id, item, stars, at, sequence);
  }
}
