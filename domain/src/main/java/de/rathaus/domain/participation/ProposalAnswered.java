package de.rathaus.domain.participation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The city answered a proposal officially, or updated its answer: one public, dated entry of the
 * proposal's answer history. The latest entry is the answer in force.
 *
 * @param reasoning the city's reasons: public, not personal data
 * @param at when it was answered
 */
@Revision("1")
public record ProposalAnswered(
    ProposalId id,
    ConsultationId consultation,
    AnswerStatus status,
    String reasoning,
    Instant at) {}
