package de.rathaus.infra.eventstore;

import de.rathaus.domain.servicerequest.CaseAssigned;
import de.rathaus.domain.servicerequest.CaseDecided;
import de.rathaus.domain.servicerequest.ClerkId;
import de.rathaus.domain.servicerequest.Decision;
import de.rathaus.domain.servicerequest.DecisionOutcome;
import de.rathaus.domain.servicerequest.InformationRequestAnswered;
import de.rathaus.domain.servicerequest.InformationRequestId;
import de.rathaus.domain.servicerequest.InformationRequested;
import de.rathaus.domain.servicerequest.InternalNoteAdded;
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
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/** A long case for the benchmark of views as of a moment: 57 events from submission to decision. */
final class AsOfCase {

  private AsOfCase() {}

  static List<DomainEventMessage<?>> history(String caseId) {
    ServiceRequestId id = new ServiceRequestId(caseId);
    CitizenId anna = new CitizenId("anna");
    ClerkId clara = new ClerkId("clara");
    Instant t = Instant.parse("2026-03-02T09:00:00Z");
    List<Object> payloads = new ArrayList<>();
    payloads.add(
        new ServiceRequestSubmitted(
            id,
            CaseNumber.of("HN", 2026, 1),
            anna,
            new ServiceCode("meldebescheinigung"),
            1,
            new DepartmentCode("buergeramt"),
            RequestKind.REQUEST,
            Map.of("copies", 1, "purpose", "Arbeitgeber"),
            "Bitte per Post",
            null,
            null,
            "Anna Beispiel",
            "anna@example.org",
            null,
            null,
            30,
            t,
            t.plus(Duration.ofDays(30))));
    payloads.add(new CaseAssigned(id, clara, t.plusSeconds(60)));
    for (int i = 0; i < 25; i++) {
      payloads.add(new InternalNoteAdded(id, anna, clara, "Notiz " + i, t.plusSeconds(120 + i)));
    }
    for (int i = 0; i < 15; i++) {
      InformationRequestId question = new InformationRequestId("q-" + i);
      Instant asked = t.plus(Duration.ofHours(1 + i));
      payloads.add(
          new InformationRequested(
              id, anna, question, "Frage " + i, asked.plus(Duration.ofDays(7)), asked));
      payloads.add(
          new InformationRequestAnswered(
              id,
              question,
              anna,
              "Antwort " + i,
              t.plus(Duration.ofDays(31 + i)),
              asked.plusSeconds(600)));
    }
    payloads.add(
        new CaseDecided(
            id,
            anna,
            new Decision(DecisionOutcome.APPROVED, "Alles vorhanden", "§ 18 BMG"),
            t.plus(Duration.ofDays(2))));
    List<DomainEventMessage<?>> events = new ArrayList<>();
    for (Object payload : payloads) {
      events.add(new GenericDomainEventMessage<>("ServiceRequest", caseId, events.size(), payload));
    }
    return events;
  }
}
