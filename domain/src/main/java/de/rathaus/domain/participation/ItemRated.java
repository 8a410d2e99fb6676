package de.rathaus.domain.participation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A citizen rated an item of a feedback consultation for the first time. Whose rating it is, is not
 * recorded: the id is a pseudonym only the citizen's key derives.
 */
@Revision("1")
public record ItemRated(RatingId id, ProposalId item, int stars, Instant at) {}
