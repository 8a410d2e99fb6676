package de.rathaus.api.portal;

import de.rathaus.application.participation.ActionFieldView;
import de.rathaus.application.participation.ConsultationPage;
import de.rathaus.application.participation.ConsultationResults;
import de.rathaus.application.participation.ConsultationView;
import de.rathaus.application.participation.FindConsultation;
import de.rathaus.application.participation.FindConsultationResults;
import de.rathaus.application.participation.FindProposal;
import de.rathaus.application.participation.ListActionFields;
import de.rathaus.application.participation.ListConsultations;
import de.rathaus.application.participation.ListModerationLog;
import de.rathaus.application.participation.ListProposals;
import de.rathaus.application.participation.ModerationLogPage;
import de.rathaus.application.participation.ProposalPage;
import de.rathaus.application.participation.ProposalView;
import de.rathaus.application.shared.Answers;
import de.rathaus.domain.participation.ActionFieldCode;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ConsultationPhase;
import de.rathaus.domain.participation.ProposalId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * E-participation as the portal reads it, always as the public (no one is signed in on these
 * pages): the queries the API's participation resources ask ({@code ListConsultations}, {@code
 * FindConsultation}, {@code ListProposals}, {@code FindProposal}, {@code FindConsultationResults},
 * {@code ListModerationLog}, {@code ListActionFields}), never a call of the engine's own HTTP API.
 * Drafts, and the items of a draft, are unknown here, as they are to the API's anonymous callers.
 */
public class PortalParticipation {

  private final QueryGateway queries;

  public PortalParticipation(QueryGateway queries) {
    this.queries = queries;
  }

  /** The action fields, retired ones included (a consultation may still name one). */
  public List<ActionFieldView> actionFields() {
    return Answers.of(
        queries.query(
            new ListActionFields(true), ResponseTypes.multipleInstancesOf(ActionFieldView.class)));
  }

  /** A page of public consultations (never drafts), opening last first. */
  public ConsultationPage consultations(
      ActionFieldCode actionField, ConsultationPhase phase, String cursor, int size) {
    return Answers.of(
        queries.query(
            new ListConsultations(actionField, phase, null, null, false, cursor, size),
            ResponseTypes.instanceOf(ConsultationPage.class)));
  }

  /** A public consultation; a draft, an unknown one or an id of another form: empty. */
  public Optional<ConsultationView> consultation(String id) {
    if (id == null || !ConsultationId.wellFormed(id)) {
      return Optional.empty();
    }
    Optional<ConsultationView> found =
        Answers.of(
            queries.query(
                new FindConsultation(new ConsultationId(id)),
                ResponseTypes.optionalInstanceOf(ConsultationView.class)));
    return found.filter(view -> view.phase().isPublic());
  }

  /** A page of a consultation's proposals. */
  public ProposalPage proposals(
      ConsultationId consultation, ListProposals.Order order, String cursor, int size) {
    return Answers.of(
        queries.query(
            new ListProposals(consultation, cursor, size, order),
            ResponseTypes.instanceOf(ProposalPage.class)));
  }

  /**
   * A proposal of a public consultation; one of a draft (an item the city prepares), an unknown one
   * or an id of another form: empty.
   */
  public Optional<ProposalView> proposal(String id) {
    if (id == null || !ProposalId.wellFormed(id)) {
      return Optional.empty();
    }
    Optional<ProposalView> found =
        Answers.of(
            queries.query(
                new FindProposal(new ProposalId(id)),
                ResponseTypes.optionalInstanceOf(ProposalView.class)));
    return found.filter(view -> consultation(view.consultation().value()).isPresent());
  }

  /** What came of a consultation so far. */
  public ConsultationResults results(ConsultationId consultation, Instant now) {
    return Answers.of(
        queries.query(
            new FindConsultationResults(consultation, now),
            ResponseTypes.instanceOf(ConsultationResults.class)));
  }

  /** A page of a consultation's public moderation log, newest first. */
  public ModerationLogPage moderationLog(ConsultationId consultation, String cursor, int size) {
    return Answers.of(
        queries.query(
            new ListModerationLog(consultation, cursor, size),
            ResponseTypes.instanceOf(ModerationLogPage.class)));
  }
}
