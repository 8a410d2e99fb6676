package de.rathaus.infra.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import de.rathaus.application.servicerequest.CaseView;
import de.rathaus.application.servicerequest.ListCases;
import de.rathaus.application.servicerequest.ListMyRequests;
import de.rathaus.application.servicerequest.RequestView;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.servicerequest.ClerkId;
import de.rathaus.domain.servicerequest.InformationRequestId;
import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.servicerequest.RequestKind;
import de.rathaus.domain.servicerequest.RequestStatus;
import de.rathaus.domain.servicerequest.ServiceRequestSubmitted;
import de.rathaus.domain.shared.CaseNumber;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceCode;
import de.rathaus.domain.shared.ServiceRequestId;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clerks' and applicants' read models on the embedded server: writes, pages, watch queries. */
class MongoCaseViewsTest {

  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
  private static final DepartmentCode BUERGERAMT = new DepartmentCode("buergeramt");
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @TempDir static Path dataDir;
  private static EmbeddedMongoServer server;
  private static MongoClient client;
  private MongoDatabase database;
  private MongoCaseViews cases;
  private MongoRequestViews requests;

  @BeforeAll
  static void start() {
    server = EmbeddedMongoServer.start(dataDir);
    client = MongoClients.create(server.connectionString());
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @BeforeEach
  void fresh() {
    database = client.getDatabase("views-" + System.nanoTime());
    cases = new MongoCaseViews(database, JSON);
    requests = new MongoRequestViews(database, JSON);
  }

  private static ServiceRequestSubmitted submitted(String id, Instant at, String applicant) {
    return new ServiceRequestSubmitted(
        new ServiceRequestId(id),
        CaseNumber.of("HN", 2026, 1),
        new CitizenId(applicant),
        new ServiceCode("meldebescheinigung"),
        1,
        BUERGERAMT,
        RequestKind.REQUEST,
        Map.of("copies", 1),
        "Bitte per Post",
        null,
        new Location(49.1, 9.2, "Kaiserstraße 1"),
        "Anna",
        null,
        null,
        null,
        3,
        at,
        at.plus(Duration.ofDays(3)));
  }

  @Test
  void storesAndReadsBackTheWholeView() {
    CaseView view = CaseView.submitted(submitted("a", T, "anna"));
    cases.insert(view);

    assertThat(cases.find("a")).contains(view);
  }

  @Test
  void aSecondInsertChangesNothing() {
    CaseView first = CaseView.submitted(submitted("a", T, "anna"));
    cases.insert(first);
    cases.insert(first.assignedTo(new ClerkId("clara"), T));

    assertThat(cases.find("a")).contains(first);
  }

  @Test
  void writesOnlyOverTheRecordTheChangeWasMadeFrom() {
    CaseView first = CaseView.submitted(submitted("a", T, "anna"));
    cases.insert(first);
    CaseView assigned = first.assignedTo(new ClerkId("clara"), T).atSequence(1);
    CaseView noted =
        assigned.noted(new CaseView.Note(new ClerkId("clara"), "Rückruf", T)).atSequence(2);

    assertThat(cases.replace(assigned, 0)).isTrue();
    assertThat(cases.replace(noted, 1)).isTrue();
    // a worker that lost its claim computed event 1 again from the record at 0
    assertThat(cases.replace(first.assignedTo(new ClerkId("carl"), T).atSequence(1), 0)).isFalse();

    assertThat(cases.find("a")).contains(noted);
  }

  @Test
  void pagesThroughTheQueueInDueOrderWhileCasesArrive() {
    for (int i = 0; i < 25; i++) {
      cases.insert(CaseView.submitted(submitted("c-" + i, T.plusSeconds(i % 7), "anna")));
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Page<CaseView> page =
          cases.queue(new ListCases(BUERGERAMT, null, null, null, null, cursor, 10));
      page.items().forEach(v -> seen.add(v.id().value()));
      cursor = page.next();
      if (pages++ == 0) {
        // a case arriving after the first page, due later than all: it appears at the end
        cases.insert(CaseView.submitted(submitted("late", T.plus(Duration.ofDays(1)), "ben")));
      }
    } while (cursor != null);

    assertThat(seen).hasSize(26).doesNotHaveDuplicates().endsWith("late");
    List<Instant> due =
        seen.stream()
            .map(id -> cases.find(id).orElseThrow())
            .map(v -> v.request().dueDate())
            .toList();
    assertThat(due).isSorted();
  }

  @Test
  void filtersTheQueueByStatusAssigneeAndFlags() {
    CaseView a = CaseView.submitted(submitted("a", T, "anna"));
    CaseView b = CaseView.submitted(submitted("b", T, "anna"));
    cases.insert(a);
    cases.insert(b);
    cases.replace(a.assignedTo(new ClerkId("clara"), T).atSequence(1), 0);
    cases.replace(b.progressed(r -> r.becameOverdue(T)).atSequence(1), 0);

    assertThat(
            ids(new ListCases(BUERGERAMT, RequestStatus.IN_PROGRESS, null, null, null, null, 50)))
        .containsExactly("a");
    assertThat(ids(new ListCases(BUERGERAMT, null, new ClerkId("clara"), null, null, null, 50)))
        .containsExactly("a");
    assertThat(ids(new ListCases(BUERGERAMT, null, null, true, null, null, 50)))
        .containsExactly("b");
    assertThat(
            ids(new ListCases(new DepartmentCode("ordnungsamt"), null, null, null, null, null, 50)))
        .isEmpty();
  }

  @Test
  void findsWhatTheDeadlineWatchFlags() {
    CaseView running = CaseView.submitted(submitted("running", T, "anna"));
    CaseView waiting = CaseView.submitted(submitted("waiting", T, "anna"));
    cases.insert(running);
    cases.insert(waiting);
    InformationRequestId q = new InformationRequestId("q-1");
    cases.replace(
        waiting
            .assignedTo(new ClerkId("clara"), T)
            .progressed(r -> r.asked(q, "Zweck?", T.plus(Duration.ofDays(1)), T))
            .atSequence(2),
        0);
    Instant later = T.plus(Duration.ofDays(5));

    assertThat(cases.idsRunningAndDueBefore(later))
        .extracting(ServiceRequestId::value)
        .containsExactly("running");
    assertThat(cases.idsRunningAndDueBefore(T)).isEmpty();
    assertThat(cases.idsWaitingWithAnswerDueBefore(later))
        .extracting(ServiceRequestId::value)
        .containsExactly("waiting");
    CaseView flagged = cases.find("waiting").orElseThrow();
    cases.replace(flagged.progressed(r -> r.answerOverdue(q)).atSequence(3), 2);
    assertThat(cases.idsWaitingWithAnswerDueBefore(later)).isEmpty();
    assertThat(ids(new ListCases(BUERGERAMT, null, null, null, true, null, 50)))
        .containsExactly("waiting");
  }

  @Test
  void refusesACursorNoPageMade() {
    assertThatThrownBy(
            () -> cases.queue(new ListCases(BUERGERAMT, null, null, null, null, "not-a-cursor", 5)))
        .isInstanceOf(Page.InvalidPageRequest.class);
  }

  @Test
  void pagesThroughAnApplicantsRequestsNewestFirst() {
    for (int i = 0; i < 7; i++) {
      requests.insert(RequestView.submitted(submitted("r-" + i, T.plusSeconds(i), "anna")));
    }
    requests.insert(RequestView.submitted(submitted("other", T, "ben")));
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      Page<RequestView> page = requests.mine(new ListMyRequests(new CitizenId("anna"), cursor, 3));
      page.items().forEach(v -> seen.add(v.id().value()));
      cursor = page.next();
    } while (cursor != null);

    assertThat(seen).containsExactly("r-6", "r-5", "r-4", "r-3", "r-2", "r-1", "r-0");
    assertThat(requests.allOf(new CitizenId("ben"))).hasSize(1);
  }

  @Test
  void declaresTheIndexesARealMongoDbNeedsForItsQueries() {
    List<Document> issued = new ArrayList<>();
    MongoDatabase recording = recordingIndexes(database, issued);
    new MongoCaseViews(recording, JSON);
    new MongoRequestViews(recording, JSON);

    assertThat(issued)
        .extracting(
            d -> d.getString("name") + " " + ((org.bson.BsonDocument) d.get("key")).toJson())
        .containsExactly(
            "queue {\"q.department\": 1, \"q.due\": 1, \"_id\": 1}",
            "queue_by_status {\"q.department\": 1, \"q.status\": 1, \"q.due\": 1, \"_id\": 1}",
            "queue_by_assignee {\"q.department\": 1, \"q.assignee\": 1, \"q.due\": 1, \"_id\": 1}",
            "deadline_watch {\"q.clockDue\": 1}",
            "answer_watch {\"q.answerDue\": 1}",
            "mine {\"q.applicant\": 1, \"q.submitted\": -1, \"_id\": -1}",
            "ended {\"q.ended\": 1}");
  }

  private List<String> ids(ListCases query) {
    return cases.queue(query).items().stream().map(v -> v.id().value()).toList();
  }

  /** A database whose collections record the index models they are asked to create. */
  @SuppressWarnings("unchecked")
  private static MongoDatabase recordingIndexes(MongoDatabase real, List<Document> issued) {
    return (MongoDatabase)
        Proxy.newProxyInstance(
            MongoDatabase.class.getClassLoader(),
            new Class<?>[] {MongoDatabase.class},
            (proxy, method, args) -> {
              Object result = method.invoke(real, args);
              if (!method.getName().equals("getCollection")) {
                return result;
              }
              MongoCollection<Document> collection = (MongoCollection<Document>) result;
              return Proxy.newProxyInstance(
                  MongoCollection.class.getClassLoader(),
                  new Class<?>[] {MongoCollection.class},
                  (p, m, a) -> {
                    if (m.getName().equals("createIndexes")) {
                      for (IndexModel model : (List<IndexModel>) a[0]) {
                        issued.add(
                            new Document("name", model.getOptions().getName())
                                .append(
                                    "key",
                                    model
                                        .getKeys()
                                        .toBsonDocument(Document.class, real.getCodecRegistry())));
                      }
                    }
                    return m.invoke(collection, a);
                  });
            });
  }
}
