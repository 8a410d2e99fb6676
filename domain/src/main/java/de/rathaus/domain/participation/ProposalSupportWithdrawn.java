package de.rathaus.domain.participation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A citizen withdrew their support of a proposal (known, as the support, by its pseudonym). */
@Revision("1")
public record ProposalSupportWithdrawn(SupportId id, ProposalId proposal, Instant at) {}
