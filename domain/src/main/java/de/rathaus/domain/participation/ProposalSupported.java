package de.rathaus.domain.participation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A proposal got a support (a first one from this citizen, or again after they withdrew it). Whose
 * it is, is not recorded: the id is a pseudonym only the citizen's key derives.
 */
@Revision("1")
public record ProposalSupported(SupportId id, ProposalId proposal, Instant at) {}
