package de.rathaus.api.audit;

import de.rathaus.api.catalogue.DepartmentResources.DepartmentResource;
import de.rathaus.api.catalogue.ServiceResources.ServiceResource;
import de.rathaus.api.participation.ActionFieldResources.ActionFieldResource;
import de.rathaus.api.participation.ConsultationResources.ConsultationResource;
import de.rathaus.api.participation.ProposalResources.ProposalResource;
import de.rathaus.api.privacy.AccessRecording;
import de.rathaus.api.servicerequest.RequestResources.CaseResource;
import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.PlausibleDate;
import de.rathaus.api.shared.Role;
import de.rathaus.application.audit.ErasureRecordState;
import de.rathaus.application.audit.FindStateAsOf;
import de.rathaus.application.audit.PersonalValues;
import de.rathaus.application.audit.StateAsOf;
import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.application.participation.ActionFieldView;
import de.rathaus.application.participation.ConsultationView;
import de.rathaus.application.participation.ProposalView;
import de.rathaus.application.privacy.AccessKind;
import de.rathaus.application.servicerequest.CaseView;
import de.rathaus.application.shared.Answers;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any aggregate's view as it stood at a moment, built in memory by its read model's own projection
 * over its events up to then: the clerks' view of a case, the public view of a proposal, a
 * consultation, a service, a department or an action field, and an erasure record. Auditors see
 * personal values as {@value PersonalValues#MASK}; the data-protection officer (an administrator)
 * sees them as the view held them (erased ones as the placeholder).
 */
@RestController
@RequestMapping("/api/v1/audit/aggregates")
public class AggregateStateController {

  private static final Logger log = LoggerFactory.getLogger(AggregateStateController.class);

  private final QueryGateway queries;
  private final AccessRecording access;

  public AggregateStateController(QueryGateway queries, AccessRecording access) {
    this.queries = queries;
    this.access = access;
  }

  /**
   * The view as of a moment.
   *
   * @param asOf the moment (events recorded at or before it)
   * @param atPosition the global position (events stored at or before it)
   * @param aggregateType the aggregate's type
   * @param sequence the last event of the aggregate the view applied
   * @param position that event's global position
   * @param recordedAt when that event was recorded
   * @param state the view: the resource the live read of that aggregate answers
   */
  public record StateAsOfResource(
      String aggregateId,
      Instant asOf,
      Long atPosition,
      String aggregateType,
      long sequence,
      long position,
      Instant recordedAt,
      Object state) {}

  @GetMapping("/{id}/state")
  public StateAsOfResource state(
      @PathVariable @Size(max = 200) String id,
      @RequestParam(required = false) @PlausibleDate Instant asOf,
      @RequestParam(required = false) @PositiveOrZero Long atPosition,
      Authentication caller) {
    FindStateAsOf query = new FindStateAsOf(id, asOf, atPosition);
    Optional<StateAsOf> found =
        Answers.of(queries.query(query, ResponseTypes.optionalInstanceOf(StateAsOf.class)));
    StateAsOf state = found.orElseThrow(NotFound::new);
    Actor actor = Actor.of(caller);
    Object view;
    if (actor.role() == Role.ADMIN) {
      view = state.view();
      if (view instanceof CaseView case_) {
        access.read(caller, case_, AccessKind.CASE_AS_OF);
      }
      // who saw personal values, of which aggregate, as of which event; never a value
      log.info(
          "Personal values disclosed to {} in a view as of a moment: {} {} at position {}",
          actor.id(),
          state.aggregateType(),
          id,
          state.position());
    } else {
      view = PersonalValues.masked(state.view());
    }
    if (view == null) {
      throw new NotFound();
    }
    Instant moment = asOf != null ? asOf : state.timestamp();
    return new StateAsOfResource(
        id,
        asOf,
        atPosition,
        state.aggregateType(),
        state.sequence(),
        state.position(),
        state.timestamp(),
        resource(view, moment));
  }

  private static Object resource(Object view, Instant moment) {
    String language = LocaleContextHolder.getLocale().getLanguage();
    if (view instanceof CaseView c) {
      return CaseResource.of(c);
    }
    if (view instanceof ProposalView p) {
      return ProposalResource.asThePublicSawIt(p, moment);
    }
    if (view instanceof ConsultationView c) {
      return ConsultationResource.of(c, language);
    }
    if (view instanceof ServiceView s) {
      return ServiceResource.of(s, language);
    }
    if (view instanceof DepartmentView d) {
      return DepartmentResource.of(d, language);
    }
    if (view instanceof ActionFieldView a) {
      return ActionFieldResource.of(a, language);
    }
    if (view instanceof ErasureRecordState e) {
      return e;
    }
    throw new IllegalStateException("no resource for a view of " + view.getClass().getSimpleName());
  }
}
