package de.rathaus.application.statistics;

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
 * Histories of aggregates, numbered as the event store numbers them, delivered to a projection as
 * Axon's processors deliver (through its annotated handlers, with the sequence number).
 */
final class Histories {

  static final CitizenId ANNA = new CitizenId("anna");
  static final DepartmentCode BUERGERAMT = new DepartmentCode("buergeramt");
  static final DepartmentCode ORDNUNGSAMT = new DepartmentCode("ordnungsamt");
  static final ServiceCode MELDE = new ServiceCode("meldebescheinigung");

  private final String type;
  private final String id;
  private final List<DomainEventMessage<?>> events = new ArrayList<>();

  private Histories(String type, String id) {
    this.type = type;
    this.id = id;
  }

  static Histories of(String type, String id) {
    return new Histories(type, id);
  }

  Histories then(Object payload) {
    events.add(new GenericDomainEventMessage<>(type, id, events.size(), payload));
    return this;
  }

  List<DomainEventMessage<?>> events() {
    return List.copyOf(events);
  }

  static ServiceRequestSubmitted submitted(
      String id, ServiceCode service, DepartmentCode department, Instant at, int days) {
    return new ServiceRequestSubmitted(
        new ServiceRequestId(id),
        CaseNumber.of("HN", 2026, Math.abs(id.hashCode() % 100_000) + 1),
        ANNA,
        service,
        1,
        department,
        RequestKind.REQUEST,
        Map.of(),
        null,
        null,
        new Location(49.14, 9.21, "Kaiserstraße 1"),
        "Anna Beispiel",
        null,
        null,
        null,
        days,
        at,
        at.plus(Duration.ofDays(days)));
  }

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
