package de.rathaus.domain.participation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A citizen changed their rating of an item. It carries the stars it replaces, so that a summary
 * moves one rating from one number of stars to the other without keeping every rating.
 */
@Revision("1")
public record RatingChanged(
    RatingId id, ProposalId item, int stars, int previousStars, Instant at) {}
