package de.rathaus.application.servicerequest;

import de.rathaus.domain.servicerequest.CaseAssigned;
import de.rathaus.domain.servicerequest.CaseDecided;
import de.rathaus.domain.servicerequest.CaseForwarded;
import de.rathaus.domain.servicerequest.ClerkId;
import de.rathaus.domain.servicerequest.Decision;
import de.rathaus.domain.servicerequest.DecisionOutcome;
import de.rathaus.domain.servicerequest.InformationRequestAnswered;
import de.rathaus.domain.servicerequest.InformationRequestBecameOverdue;
import de.rathaus.domain.servicerequest.InformationRequestCancelled;
import de.rathaus.domain.servicerequest.InformationRequestId;
import de.rathaus.domain.servicerequest.InformationRequested;
import de.rathaus.domain.servicerequest.InternalNoteAdded;
import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.servicerequest.RequestKind;
import de.rathaus.domain.servicerequest.ServiceRequestSubmitted;
import de.rathaus.domain.shared.CaseNumber;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * The events of one case, numbered as the event store numbers them, and delivery of them to a
 * projection the way Axon's processors deliver (through its annotated handlers, with the sequence
 * number), so that redeliveries and lost claims can be played.
 */
final class CaseHistory {

  static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
  static final CitizenId ANNA = new CitizenId("anna");
  static final DepartmentCode BUERGERAMT = new DepartmentCode("buergeramt");
  static final DepartmentCode ORDNUNGSAMT = new DepartmentCode("ordnungsamt");
  static final ClerkId CLARA = new ClerkId("clara");

  private final ServiceRequestId id;
  private final List<DomainEventMessage<?>> events = new ArrayList<>();

  private CaseHistory(ServiceRequestId id) {
    this.id = id;
  }

  static CaseHistory of(String id) {
    return new CaseHistory(new ServiceRequestId(id));
  }

  ServiceRequestId id() {
    return id;
  }

  List<DomainEventMessage<?>> events() {
    return List.copyOf(events);
  }

  CaseHistory then(Object payload) {
    events.add(
        new GenericDomainEventMessage<>("ServiceRequest", id.value(), events.size(), payload));
    return this;
  }

  static Instant at(double hours) {
    return T.plus(Duration.ofMinutes((long) (hours * 60)));
  }

  CaseHistory submitted(DepartmentCode department, Instant at, int processingDays) {
    return then(
        new ServiceRequestSubmitted(
            id,
            CaseNumber.of("HN", 2026, Math.abs(id.value().hashCode() % 100_000) + 1),
            ANNA,
            new ServiceCode("meldebescheinigung"),
            1,
            department,
            RequestKind.REQUEST,
            Map.of("copies", 1),
            "Bitte per Post",
            null,
            new Location(49.14, 9.21, "Kaiserstraße 1"),
            "Anna Beispiel",
            "anna@example.org",
            null,
            null,
            processingDays,
            at,
            at.plus(Duration.ofDays(processingDays))));
  }

  CaseHistory submitted() {
    return submitted(BUERGERAMT, T, 3);
  }

  /** A long case: assigned, noted, asked, flagged, cancelled, asked, answered, decided. */
  CaseHistory processedToDecision() {
    InformationRequestId q1 = new InformationRequestId("q-1");
    InformationRequestId q2 = new InformationRequestId("q-2");
    return submitted()
        .then(new CaseAssigned(id, CLARA, at(1)))
        .then(new InternalNoteAdded(id, ANNA, CLARA, "Rückruf vereinbart", at(2)))
        .then(new InformationRequested(id, ANNA, q1, "Welcher Zweck?", at(30), at(3)))
        .then(new InformationRequestBecameOverdue(id, q1, at(30), at(31)))
        .then(new InformationRequestCancelled(id, ANNA, q1, "Telefonisch geklärt", at(60), at(32)))
        .then(new InformationRequested(id, ANNA, q2, "Welche Anschrift?", at(80), at(33)))
        .then(new InformationRequestAnswered(id, q2, ANNA, "Kaiserstraße 1", at(90), at(34)))
        .then(new CaseForwarded(id, ANNA, BUERGERAMT, ORDNUNGSAMT, "Zuständigkeit", at(35)))
        .then(new CaseAssigned(id, new ClerkId("carl"), at(36)))
        .then(
            new CaseDecided(
                id,
                ANNA,
                new Decision(DecisionOutcome.APPROVED, "Alles vorhanden", "§ 18 BMG"),
                at(40)));
  }

  /** Delivers messages to a projection through Axon's annotated handlers. */
  static void deliver(Object projection, List<DomainEventMessage<?>> messages) {
    AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
    for (DomainEventMessage<?> message : messages) {
      try {
        adapter.handle(message);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
