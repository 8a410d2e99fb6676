package de.rathaus.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import de.rathaus.api.TestClient;
import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.application.participation.ActionFieldView;
import de.rathaus.application.participation.ConsultationView;
import de.rathaus.application.participation.ModerationLogEntry;
import de.rathaus.application.participation.ProposalView;
import de.rathaus.application.participation.Supports;
import de.rathaus.application.servicerequest.CaseView;
import de.rathaus.application.servicerequest.RequestView;
import de.rathaus.domain.participation.ConsultationFormat;
import de.rathaus.domain.participation.ConsultationPhase;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.servicerequest.AddInternalNote;
import de.rathaus.domain.servicerequest.ClerkId;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceRequestId;
import de.rathaus.infra.privacy.ProtectedJson;
import de.rathaus.infra.shared.MongoReadModelGenerations;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Read models rebuilt by name on the running engine (one engine for the class): every read model
 * rebuilt from a history of every kind of event equals, document by document, the one its processor
 * built event by event; reads and commands keep working during a rebuild and what a command changed
 * is visible at once; a second rebuild while one runs is 409, an unknown name 404.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectionRebuildIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
    registry.add("rathaus.participation.phase-check-interval", () -> "PT1H");
    // one checkpoint only (the first, right after the seed): the checkpoints' read model is
    // compared before and after its rebuild like every other, so it must hold still meanwhile
    registry.add("rathaus.transparency.checkpoint-interval", () -> "PT1H");
    registry.add("rathaus.transparency.checkpoint-every-leaves", () -> "1000000");
  }

  /** The record type of each read-model collection stored with the protecting mapper. */
  private static final Map<String, Class<?>> RECORDS =
      Map.of(
          "case_views", CaseView.class,
          "request_views", RequestView.class,
          "service_views", ServiceView.class,
          "department_views", DepartmentView.class,
          "action_field_views", ActionFieldView.class,
          "consultation_views", ConsultationView.class,
          "proposal_views", ProposalView.class,
          "moderation_log", ModerationLogEntry.class);

  private static final Duration BOUND = Duration.ofSeconds(120);

  private static final String CERTIFICATE =
      """
      {"serviceCode": "meldebescheinigung",
       "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post", "copies": 1},
       "applicant": {"name": "Anna Beispiel", "email": "anna@example.org"}}
      """;
  private static final String QUESTION =
      "{\"question\": \"Für welchen Arbeitgeber?\", \"dueDate\": \""
          + LocalDate.now().plusDays(14)
          + "\"}";
  private static final String DECISION =
      "{\"outcome\": \"approved\", \"reasoning\": \"Angaben vollständig\","
          + " \"legalBasis\": \"§ 18 BMG\"}";
  private static final String PROPOSAL =
      "{\"title\": \"Bänke\", \"text\": \"Mehr Bänke\", \"displayName\": \"Anna B.\"}";
  private static final String ITEM =
      "{\"title\": \"Parkbank\", \"text\": \"Mit Solarzelle\", \"displayName\": \"Stadt\"}";

  @LocalServerPort int port;
  @Autowired EventStore events;
  @Autowired MongoDatabase database;
  @Autowired ProtectedJson json;
  @Autowired ObjectMapper plainJson;
  @Autowired CommandGateway commands;
  @Autowired Supports supports;
  private TestClient client;

  @BeforeEach
  void client() {
    client = new TestClient(port).withHeader("Accept-Language", "en");
  }

  @Test
  @Order(1)
  void everyRebuiltReadModelEqualsTheOneBuiltEventByEventDocumentByDocument() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Round>> rounds = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        rounds.add(pool.submit(this::round));
      }
      // then many more of the frequent kinds, through the engine's command paths (HTTP would
      // make the test take minutes): notes on cases, supports and ratings of many citizens
      List<Future<?>> done = new ArrayList<>();
      for (Future<Round> f : rounds) {
        Round round = f.get();
        for (int i = 0; i < 125; i++) {
          int n = i;
          done.add(
              pool.submit(
                  () ->
                      commands.sendAndWait(
                          new AddInternalNote(
                              new ServiceRequestId(round.caseId()),
                              "Notiz " + n,
                              new ClerkId("clara"),
                              new DepartmentCode("buergeramt"),
                              Instant.now()))));
          String citizen = "buerger-" + UUID.randomUUID();
          for (String proposal : round.proposals()) {
            done.add(
                pool.submit(
                    () ->
                        supports.support(
                            new CitizenId(citizen),
                            new ProposalId(proposal),
                            ConsultationFormat.IDEAS,
                            ConsultationPhase.OPEN,
                            Instant.now())));
          }
          done.add(
              pool.submit(
                  () ->
                      supports.rate(
                          new CitizenId(citizen),
                          new ProposalId(round.item()),
                          ConsultationFormat.FEEDBACK,
                          ConsultationPhase.OPEN,
                          1 + n % 5,
                          Instant.now())));
        }
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    // ben asks for his data to be erased: his comments and supports are unlinked
    client
        .post("/api/v1/privacy/subjects/ben/erasure")
        .as("ada")
        .json("{\"reason\": \"CONSENT_WITHDRAWN\"}")
        .expect(200);
    long head = events.createHeadToken().position().orElseThrow();
    assertThat(head).as("events stored").isGreaterThan(2_000);
    awaitFirstCheckpoint();
    awaitAllLive();

    JsonNode list = client.get("/api/v1/audit/projections").as("udo").expect(200);
    List<String> names = new ArrayList<>();
    list.path("items").forEach(item -> names.add(item.path("name").asText()));
    assertThat(names)
        .contains(
            "case-views",
            "request-views",
            "service-catalogue",
            "departments",
            "action-fields",
            "consultations",
            "proposals",
            "moderation-log",
            "privacy-subjects",
            "service-statistics",
            "department-statistics",
            "participation-statistics",
            "open311-keys");
    Map<String, Map<String, Map<Object, Object>>> before = new HashMap<>();
    for (String name : names) {
      before.put(name, snapshot(name, 1));
      assertThat(before.get(name)).as("%s holds documents", name).isNotEmpty();
    }

    for (String name : names) {
      client.post("/api/v1/audit/projections/" + name + "/rebuild").as("udo").expect(202);
    }
    for (String name : names) {
      JsonNode rebuilt = awaitRebuilt(name);
      assertThat(rebuilt.path("generation").asInt()).isEqualTo(2);
      assertThat(rebuilt.path("rebuild").path("eventsDone").asLong()).isGreaterThan(2_000);
      Map<String, Map<Object, Object>> after = snapshot(name, 2);
      if (name.equals("privacy-subjects")) {
        firstDataPositions(before.get(name), after);
      }
      assertThat(after).as("%s rebuilt", name).isEqualTo(before.get(name));
      for (String base : collections(name)) {
        assertThat(database.listCollectionNames().into(new ArrayList<>()))
            .as("the old generation is dropped")
            .doesNotContain(base)
            .contains(MongoReadModelGenerations.physical(base, 2));
      }
    }
  }

  @Test
  @Order(2)
  void readsAndCommandsKeepWorkingDuringARebuildAndWhatTheyChangedIsVisibleAtOnce()
      throws Exception {
    AtomicBoolean rebuilding = new AtomicBoolean(true);
    AtomicInteger duringTheRebuild = new AtomicInteger();
    List<String> submitted = new ArrayList<>();
    Thread commands =
        new Thread(
            () -> {
              while (rebuilding.get()) {
                boolean during = isRebuilding("case-views");
                String id = submit();
                // read-your-writes: the case is in the clerks' read model once the answer came
                client.get("/api/v1/cases/" + id).as("clara").expect(200);
                assign(id);
                assertThat(
                        client
                            .get("/api/v1/cases/" + id)
                            .as("clara")
                            .expect(200)
                            .path("assignee")
                            .asText())
                    .isEqualTo("clara");
                client.get("/api/v1/cases").as("clara").expect(200);
                if (during && isRebuilding("case-views")) {
                  duringTheRebuild.incrementAndGet();
                }
                synchronized (submitted) {
                  submitted.add(id);
                }
              }
            });
    List<Throwable> failed = new ArrayList<>();
    commands.setUncaughtExceptionHandler((t, e) -> failed.add(e));
    commands.start();
    Thread.sleep(200);
    JsonNode started =
        client.post("/api/v1/audit/projections/case-views/rebuild").as("ada").expect(202);
    assertThat(started.path("rebuild").path("status").asText()).isIn("RUNNING", "SWITCHING");
    JsonNode rebuilt = awaitRebuilt("case-views");
    rebuilding.set(false);
    commands.join(BOUND.toMillis());
    assertThat(failed).isEmpty();
    assertThat(rebuilt.path("generation").asInt()).isEqualTo(3);
    assertThat(duringTheRebuild.get()).as("commands answered during the rebuild").isPositive();
    for (String id : submitted) {
      client.get("/api/v1/cases/" + id).as("clara").expect(200);
    }
  }

  @Test
  @Order(3)
  void aSecondRebuildWhileOneRunsIsAConflictAndAnUnknownNameIsNotFound() throws Exception {
    client.post("/api/v1/audit/projections/request-views/rebuild").as("udo").expect(202);
    JsonNode second =
        client.post("/api/v1/audit/projections/request-views/rebuild").as("ada").expect(409);
    assertThat(second.path("type").asText()).endsWith("/audit.rebuild-running");
    awaitRebuilt("request-views");
    client.post("/api/v1/audit/projections/no-such-model/rebuild").as("udo").expect(404);
    client.get("/api/v1/audit/projections/no-such-model").as("udo").expect(404);
  }

  // --- a history of every kind of event

  /** What a round made that more events are added to. */
  private record Round(String caseId, List<String> proposals, String item) {}

  private Round round() {
    String code = "dienst-" + UUID.randomUUID().toString().substring(0, 8);
    client.post("/api/v1/services").as("ada").json(service(code)).expect(201);
    client.put("/api/v1/services/" + code).as("ada").json(service(code)).expect(200);
    client.post("/api/v1/services/" + code + "/publication").as("ada").expect(200);
    String department = "amt-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .post("/api/v1/departments")
        .as("ada")
        .json(
            "{\"code\": \"%s\", \"name\": {\"de\": \"Amt\", \"en\": \"Office\"}}"
                .formatted(department))
        .expect(201);
    String field = "feld-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .post("/api/v1/action-fields")
        .as("ada")
        .json(
            "{\"code\": \"%s\", \"name\": {\"de\": \"Feld\", \"en\": \"Field\"}}".formatted(field))
        .expect(201);

    String decided = assign(submit());
    client
        .post("/api/v1/cases/" + decided + "/notes")
        .as("clara")
        .json("{\"text\": \"intern\"}")
        .expect(200);
    client
        .post("/api/v1/cases/" + decided + "/information-requests")
        .as("clara")
        .json(QUESTION)
        .expect(200);
    client
        .post("/api/v1/requests/" + decided + "/answers")
        .as("anna")
        .json("{\"text\": \"Firma Beispiel\"}")
        .expect(200);
    client.post("/api/v1/cases/" + decided + "/decision").as("clara").json(DECISION).expect(200);
    client.post("/api/v1/cases/" + decided + "/closure").as("clara").expect(200);
    String withdrawn = submit();
    client
        .post("/api/v1/requests/" + withdrawn + "/withdrawal")
        .as("anna")
        .json("{\"reason\": \"nicht mehr nötig\"}")
        .expect(200);
    String forwarded = submit();
    client
        .post("/api/v1/cases/" + forwarded + "/forwarding")
        .as("clara")
        .json("{\"department\": \"ordnungsamt\", \"reason\": \"zuständig\"}")
        .expect(200);

    String ideas = open(draft("IDEAS"));
    List<String> proposals = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String proposal = proposeIn(ideas, "anna", PROPOSAL);
      proposals.add(proposal);
      client.put("/api/v1/proposals/" + proposal).as("anna").json(PROPOSAL).expect(200);
      client.put("/api/v1/proposals/" + proposal + "/support").as("ben").expect(200);
      String comment =
          client
              .post("/api/v1/proposals/" + proposal + "/comments")
              .as("ben")
              .json("{\"text\": \"Gute Idee\", \"displayName\": \"B.\"}")
              .expect(201)
              .path("id")
              .asText();
      client
          .post("/api/v1/proposals/" + proposal + "/comments")
          .as("anna")
          .json("{\"text\": \"Danke\", \"displayName\": \"A.\", \"parentId\": \"" + comment + "\"}")
          .expect(201);
      client
          .post("/api/v1/proposals/" + proposal + "/moderation")
          .as("mona")
          .json(
              "{\"action\": \"HIDE\", \"reason\": \"Werbung\", \"commentId\": \"" + comment + "\"}")
          .expect(200);
      client
          .post("/api/v1/proposals/" + proposal + "/answer")
          .as("ada")
          .json("{\"status\": \"ACCEPTED\", \"reasoning\": \"Wird umgesetzt.\"}")
          .expect(200);
    }
    String feedback = open(draft("FEEDBACK"));
    String item = proposeIn(feedback, "ada", ITEM);
    client
        .put("/api/v1/proposals/" + item + "/rating")
        .as("anna")
        .json("{\"stars\": 4}")
        .expect(200);
    client
        .put("/api/v1/proposals/" + item + "/rating")
        .as("ben")
        .json("{\"stars\": 2}")
        .expect(200);
    return new Round(assign(submit()), proposals, item);
  }

  private String submit() {
    return client
        .post("/api/v1/requests")
        .as("anna")
        .json(CERTIFICATE)
        .expect(201)
        .path("id")
        .asText();
  }

  private String assign(String id) {
    client
        .post("/api/v1/cases/" + id + "/assignment")
        .as("clara")
        .json("{\"assignee\": \"clara\"}")
        .expect(200);
    return id;
  }

  private String draft(String format) {
    java.time.Instant opens = java.time.Instant.now().plus(Duration.ofDays(1));
    String body =
        """
        {"title": {"de": "Neuaufbau", "en": "Rebuild"},
         "description": {"de": "Für den Test", "en": "For the test"},
         "actionField": "mobilitaet", "sustainabilityGoals": [11], "format": "%s",
         "opensAt": "%s", "closesAt": "%s"}
        """
            .formatted(format, opens, opens.plus(Duration.ofDays(30)));
    return client
        .post("/api/v1/consultations")
        .as("ada")
        .json(body)
        .expect(201)
        .path("id")
        .asText();
  }

  private String open(String id) {
    client
        .post("/api/v1/consultations/" + id + "/phase")
        .as("ada")
        .json("{\"phase\": \"OPEN\"}")
        .expect(200);
    return id;
  }

  private String proposeIn(String consultation, String who, String body) {
    return client
        .post("/api/v1/consultations/" + consultation + "/proposals")
        .as(who)
        .json(body)
        .expect(201)
        .path("id")
        .asText();
  }

  private static String service(String code) {
    return """
        {"code": "%s", "name": {"de": "Dienst", "en": "Service"},
         "description": {"de": "Für den Test", "en": "For the test"},
         "department": "buergeramt", "group": "Test", "kind": "request", "fee": 0,
         "processingDays": 10,
         "attributes": [{"code": "zweck", "datatype": "string", "required": true, "order": 1,
                         "description": {"de": "Zweck", "en": "Purpose"}}]}
        """
        .formatted(code);
  }

  // --- reading what the read models hold

  private boolean isRebuilding(String name) {
    return !client
        .get("/api/v1/audit/projections/" + name)
        .as("udo")
        .expect(200)
        .path("status")
        .asText()
        .equals("LIVE");
  }

  private void awaitAllLive() throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (true) {
      JsonNode list = client.get("/api/v1/audit/projections").as("udo").expect(200);
      boolean caughtUp = true;
      for (JsonNode item : list.path("items")) {
        caughtUp &= item.path("lag").asLong(1) == 0;
      }
      if (caughtUp) {
        return;
      }
      assertThat(System.nanoTime()).as("read models caught up").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private JsonNode awaitRebuilt(String name) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (true) {
      JsonNode found = client.get("/api/v1/audit/projections/" + name).as("udo").expect(200);
      String status = found.path("rebuild").path("status").asText();
      assertThat(status).as("the rebuild of %s", name).isNotIn("FAILED", "STOPPED");
      if (status.equals("DONE") && found.path("status").asText().equals("LIVE")) {
        return found;
      }
      assertThat(System.nanoTime()).as("%s rebuilt in time", name).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /**
   * The positions of {@code gaps} that hold an event. A proposal's tally keeps the tracking token
   * of the last support or rating it applied; the positions that token had not seen then and that
   * hold no event (reserved by a writer and given up later, or not given up yet) depend on when the
   * token was taken, not on the history: the live processor passed them while they were open, a
   * rebuild passes them once given up. Either token covers exactly the same events.
   */
  /**
   * The supports and ratings of proposal {@code id} (events of other histories, found by their
   * payload) that a tally token covers: at or below its {@code index} and not among its {@code
   * gaps}. The token's index is the highest position its processor had seen when it applied the
   * last of them, which depends on how far that processor had read (the live processor's segments
   * read ahead of what they applied; a rebuild reads one event at a time); what the tally must
   * agree on is which of the proposal's own supports and ratings it has applied.
   */
  private List<Long> coveredSupportsAndRatings(String id, long index, List<Long> gaps) {
    List<Long> covered = new ArrayList<>();
    for (Document event :
        database
            .getCollection("events")
            .find(
                com.mongodb.client.model.Filters.or(
                    com.mongodb.client.model.Filters.eq("payload.proposal.value", id),
                    com.mongodb.client.model.Filters.eq("payload.item.value", id)))) {
      if (!event.containsKey("aggregateType")
          || !List.of("Support", "Rating").contains(event.getString("aggregateType"))) {
        continue;
      }
      long position = ((Number) event.get("globalIndex")).longValue();
      if (position <= index && !gaps.contains(position)) {
        covered.add(position);
      }
    }
    covered.sort(null);
    return covered;
  }

  private List<Long> holdingEvents(JsonNode gaps) {
    List<Long> positions = new ArrayList<>();
    gaps.forEach(gap -> positions.add(gap.asLong()));
    List<Long> holding = new ArrayList<>();
    for (Document event :
        database
            .getCollection("events")
            .find(
                com.mongodb.client.model.Filters.and(
                    com.mongodb.client.model.Filters.in("globalIndex", positions),
                    com.mongodb.client.model.Filters.ne("tombstone", true)))) {
      holding.add(((Number) event.get("globalIndex")).longValue());
    }
    holding.sort(null);
    return holding;
  }

  /**
   * A citizen's record keeps the position of the event that made them hold data; the live processor
   * runs its segments in parallel, so of two events of one citizen in different segments the later
   * one may be applied first, and the record keeps that one. The rebuild applies them in the order
   * of the history: its position is the first (never later than the live one's). Checked here, then
   * set equal for the document-by-document comparison.
   */
  private static void firstDataPositions(
      Map<String, Map<Object, Object>> live, Map<String, Map<Object, Object>> rebuilt) {
    Map<Object, Object> liveSubjects = live.get("privacy_subjects");
    rebuilt
        .get("privacy_subjects")
        .forEach(
            (id, document) -> {
              Document was = (Document) liveSubjects.get(id);
              Document is = (Document) document;
              if (was != null && is.getBoolean("holdsData") && was.getBoolean("holdsData")) {
                assertThat(((Number) is.get("lastPosition")).longValue())
                    .isLessThanOrEqualTo(((Number) was.get("lastPosition")).longValue());
                is.put("lastPosition", was.get("lastPosition"));
              }
            });
  }

  private void awaitFirstCheckpoint() throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (client.get("/api/v1/audit/checkpoints/latest").send().status() != 200) {
      assertThat(System.nanoTime()).as("the first checkpoint in time").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private List<String> collections(String name) {
    Document registered =
        database.getCollection("read_model_generations").find(new Document("_id", name)).first();
    assertThat(registered).isNotNull();
    return registered.getList("collections", String.class);
  }

  /**
   * Every document of read model {@code name} in {@code generation}, per collection and id, with
   * its record read back (personal values are encrypted with a fresh IV each time they are written,
   * so the stored text differs; what it says must not).
   */
  private Map<String, Map<Object, Object>> snapshot(String name, int generation) throws Exception {
    Map<String, Map<Object, Object>> all = new HashMap<>();
    for (String base : collections(name)) {
      Map<Object, Object> documents = new HashMap<>();
      for (Document document :
          database.getCollection(MongoReadModelGenerations.physical(base, generation)).find()) {
        Class<?> type = RECORDS.get(base);
        Object content = document;
        if (type != null) {
          Document plain = new Document(document);
          JsonNode view =
              plainJson.valueToTree(
                  json.mapper().readValue(document.get("view", Document.class).toJson(), type));
          if (view.path("tally").path("gaps").isArray()) {
            com.fasterxml.jackson.databind.node.ObjectNode tally =
                (com.fasterxml.jackson.databind.node.ObjectNode) view.path("tally");
            tally.set(
                "covers",
                plainJson.valueToTree(
                    coveredSupportsAndRatings(
                        view.path("id").path("value").asText(),
                        tally.path("index").asLong(),
                        holdingEvents(tally.path("gaps")))));
            if (tally.path("applied").asLong() > 0) {
              assertThat(tally.path("covers"))
                  .as("the supports and ratings a tally applied")
                  .isNotEmpty();
            }
            tally.remove("index");
            tally.remove("gaps");
          }
          plain.put("view", view);
          content = plain;
        }
        documents.put(document.get("_id"), content);
      }
      all.put(base, documents);
    }
    return all;
  }
}
