package de.rathaus.application.servicerequest;

import de.rathaus.application.catalogue.FindPublishedService;
import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.application.shared.Answers;
import de.rathaus.domain.catalogue.AttributeError;
import de.rathaus.domain.catalogue.AttributeValidation;
import de.rathaus.domain.servicerequest.ApplicantContact;
import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.servicerequest.RequestKind;
import de.rathaus.domain.servicerequest.ServiceRequestSubmitted;
import de.rathaus.domain.servicerequest.SubmitServiceRequest;
import de.rathaus.domain.shared.CaseNumber;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.ServiceCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.QueryGateway;

/**
 * A citizen submits a request: against the service's published version, with the form values
 * checked against that version's attributes, under the next case number of the year.
 */
public class RequestSubmission {

  private static final ZoneId CITY_TIME = ZoneId.of("Europe/Berlin");

  private final CommandGateway commands;
  private final QueryGateway queries;
  private final CaseNumbers caseNumbers;
  private final EventStore events;
  private final Clock clock;

  public RequestSubmission(
      CommandGateway commands,
      QueryGateway queries,
      CaseNumbers caseNumbers,
      EventStore events,
      Clock clock) {
    this.commands = commands;
    this.queries = queries;
    this.caseNumbers = caseNumbers;
    this.events = events;
    this.clock = clock;
  }

  /** What the citizen sends. */
  public record Form(
      String serviceCode,
      Map<String, Object> attributes,
      String description,
      Location location,
      ApplicantContact contact) {}

  /** The submitted request's id and case number. */
  public record Submitted(ServiceRequestId id, CaseNumber caseNumber, Instant submittedAt) {}

  /** The service is not in the public catalogue (unknown, not yet published, or retired). */
  public static final class UnknownService extends RuntimeException {
    public UnknownService() {
      super("The service is not in the catalogue", null, false, false);
    }
  }

  /** Form values that do not fit the service's attributes. */
  public static final class InvalidForm extends RuntimeException {
    private final transient List<AttributeError> errors;

    public InvalidForm(List<AttributeError> errors) {
      super("The form values do not fit the service", null, false, false);
      this.errors = List.copyOf(errors);
    }

    public List<AttributeError> errors() {
      return errors;
    }
  }

  /**
   * Submits the form as request {@code id}. If a request with this id was submitted already (a
   * retry of a submission whose answer was lost), nothing new is made and that request is answered:
   * ids are derived from the caller's idempotency key, so a retry asks for the same id.
   */
  public Submitted submit(CitizenId applicant, Form form, ServiceRequestId id) {
    Optional<Submitted> earlier = submitted(id, applicant);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    ServiceView service = publishedService(form.serviceCode()).orElseThrow(UnknownService::new);
    AttributeValidation validation =
        service.content().validate(form.attributes() == null ? Map.of() : form.attributes());
    if (!validation.valid()) {
      throw new InvalidForm(validation.errors());
    }
    Instant now = clock.instant();
    CaseNumber caseNumber = caseNumbers.next(now.atZone(CITY_TIME).getYear());
    try {
      commands.sendAndWait(
          new SubmitServiceRequest(
              id,
              caseNumber,
              applicant,
              new ServiceCode(service.code()),
              service.version(),
              service.content().department(),
              RequestKind.valueOf(service.content().kind().name()),
              form.attributes(),
              form.description(),
              form.location(),
              form.contact(),
              service.content().processingDays(),
              now));
    } catch (AggregateStreamCreationException submittedMeanwhile) {
      // an earlier attempt with this id landed after the look above: answer that one
      return submitted(id, applicant).orElseThrow(() -> submittedMeanwhile);
    }
    return new Submitted(id, caseNumber, now);
  }

  /** The request {@code id} as it was submitted by {@code applicant}, if it was. */
  private Optional<Submitted> submitted(ServiceRequestId id, CitizenId applicant) {
    if (events.lastSequenceNumberFor(id.value()).isEmpty()) {
      return Optional.empty();
    }
    DomainEventStream history = events.readEvents(id.value());
    if (history.hasNext()
        && history.next().getPayload() instanceof ServiceRequestSubmitted first
        && first.applicant().equals(applicant)) {
      return Optional.of(new Submitted(first.id(), first.caseNumber(), first.submittedAt()));
    }
    throw new IllegalStateException("A request id was derived that another request has");
  }

  private Optional<ServiceView> publishedService(String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    return Answers.of(
        queries.query(
            new FindPublishedService(code), ResponseTypes.optionalInstanceOf(ServiceView.class)));
  }
}
