package de.rathaus.application.servicerequest;

import de.rathaus.application.catalogue.FindPublishedService;
import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.domain.catalogue.AttributeError;
import de.rathaus.domain.catalogue.AttributeValidation;
import de.rathaus.domain.servicerequest.ApplicantContact;
import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.servicerequest.RequestKind;
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
import org.axonframework.messaging.responsetypes.ResponseTypes;
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
  private final Clock clock;

  public RequestSubmission(
      CommandGateway commands, QueryGateway queries, CaseNumbers caseNumbers, Clock clock) {
    this.commands = commands;
    this.queries = queries;
    this.caseNumbers = caseNumbers;
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

  public Submitted submit(CitizenId applicant, Form form) {
    ServiceView service = publishedService(form.serviceCode()).orElseThrow(UnknownService::new);
    AttributeValidation validation =
        service.content().validate(form.attributes() == null ? Map.of() : form.attributes());
    if (!validation.valid()) {
      throw new InvalidForm(validation.errors());
    }
    Instant now = clock.instant();
    CaseNumber caseNumber = caseNumbers.next(now.atZone(CITY_TIME).getYear());
    ServiceRequestId id = ServiceRequestId.random();
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
    return new Submitted(id, caseNumber, now);
  }

  private Optional<ServiceView> publishedService(String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    return queries
        .query(new FindPublishedService(code), ResponseTypes.optionalInstanceOf(ServiceView.class))
        .join();
  }
}
