package de.rathaus.domain.participation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A moderator (or an administrator) hid a proposal from the public: it leaves the public lists, and
 * its page shows only that it was hidden and why (its author still sees it). The reason and the
 * role are public; the text stays in the history for auditors. Nothing personal.
 *
 * @param consultation the proposal's consultation (whose moderation log lists it)
 * @param role in which role it was done
 */
@Revision("1")
public record ProposalHidden(
    ProposalId id, ConsultationId consultation, String reason, ModeratorRole role, Instant at) {}
