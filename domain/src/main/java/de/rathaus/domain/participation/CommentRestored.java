package de.rathaus.domain.participation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A moderator (or an administrator) restored a hidden comment: the public sees it (and its replies)
 * again. The reason and the role are public; the text stays in the history for auditors. Nothing
 * personal.
 *
 * @param consultation the proposal's consultation (whose moderation log lists it)
 * @param role in which role it was done
 */
@Revision("1")
public record CommentRestored(
    ProposalId id,
    ConsultationId consultation,
    CommentId comment,
    String reason,
    ModeratorRole role,
    Instant at) {}
