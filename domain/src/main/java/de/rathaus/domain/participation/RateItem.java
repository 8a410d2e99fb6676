package de.rathaus.domain.participation;

import de.rathaus.domain.shared.Pseudonymous;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A citizen rates an item of a feedback consultation with 1 to 5 stars, known only by the
 * pseudonymous id of their rating; a second rating replaces the first. The consultation's format
 * and phase are those its read model showed when the rating was sent.
 *
 * @param at when it was sent (now)
 */
@Pseudonymous
public record RateItem(
    @TargetAggregateIdentifier RatingId id,
    ProposalId item,
    ConsultationFormat format,
    ConsultationPhase phase,
    int stars,
    Instant at) {

  /** The fewest and the most stars. */
  public static final int MIN_STARS = 1;

  public static final int MAX_STARS = 5;

  public RateItem {
    if (id == null || item == null || format == null || phase == null || at == null) {
      throw new IllegalArgumentException(
          "A rating needs its id, item, consultation format and phase, and time");
    }
    if (stars < MIN_STARS || stars > MAX_STARS) {
      throw new IllegalArgumentException("A rating has 1 to 5 stars");
    }
  }
}
