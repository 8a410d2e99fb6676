package de.rathaus.domain.participation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The city answered a proposal officially, or updated its answer: one public, dated entry of the
 * proposal's answer history. The latest entry is the answer in force.
 *
 * <p>Revision 2: the reasoning became German and English text ({@link AnswerReasoning}); revision 1
 * stored the German text alone as a string, and is upcast to revision 2 without English.
 *
 * @param reasoning the city's reasons: public, not personal data
 * @param at when it was answered
 */
@Revision("2")
public record ProposalAnswered(
    ProposalId id,
    ConsultationId consultation,
    AnswerStatus status,
    AnswerReasoning reasoning,
    Instant at) {

  /** An answer whose reasons are in German alone. */
  public ProposalAnswered(
      ProposalId id,
      ConsultationId consultation,
      AnswerStatus status,
      String reasoning,
      Instant at) {
    this(id, consultation, status, AnswerReasoning.inGerman(reasoning), at);
  }
}
