package de.rathaus.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import de.rathaus.api.RathausApplication;
import de.rathaus.api.TestClient;
import de.rathaus.api.shared.ReadModelRebuilds;
import de.rathaus.api.shared.ReadModelRebuilds.Progress;
import de.rathaus.api.shared.ReadModelRebuilds.Reason;
import de.rathaus.api.shared.ReadModelRebuilds.RunStatus;
import de.rathaus.application.servicerequest.CaseView;
import de.rathaus.domain.servicerequest.AddInternalNote;
import de.rathaus.domain.servicerequest.ClerkId;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceRequestId;
import de.rathaus.infra.privacy.ProtectedJson;
import de.rathaus.infra.shared.MongoReadModelGenerations;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A rebuild interrupted by a stop of the engine: the generation in use stays, the rebuild's place
 * is recorded, and the next start resumes it from there while the old generation answers; it is
 * switched in only once complete, and then equals the read model built event by event.
 */
class ProjectionRebuildRestartIT {

  private static final Duration BOUND = Duration.ofSeconds(120);

  @TempDir Path dataDir;

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(RathausApplication.class)
        .run(
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--rathaus.data-dir=" + dataDir,
            "--rathaus.participation.phase-check-interval=PT1H");
  }

  @Test
  void aRebuildInterruptedByAStopResumesAtTheNextStartAndIsSwitchedInOnlyOnceComplete()
      throws Exception {
    Map<Object, Object> incremental;
    try (ConfigurableApplicationContext engine = start()) {
      TestClient client = client(engine);
      String id =
          client
              .post("/api/v1/requests")
              .as("anna")
              .json(
                  """
                  {"serviceCode": "meldebescheinigung",
                   "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post", "copies": 1},
                   "applicant": {"name": "Anna Beispiel", "email": "anna@example.org"}}
                  """)
              .expect(201)
              .path("id")
              .asText();
      client
          .post("/api/v1/cases/" + id + "/assignment")
          .as("clara")
          .json("{\"assignee\": \"clara\"}")
          .expect(200);
      CommandGateway commands = engine.getBean(CommandGateway.class);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          String other =
              client
                  .post("/api/v1/requests")
                  .as("anna")
                  .json(
                      """
                      {"serviceCode": "meldebescheinigung",
                       "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post", "copies": 1},
                       "applicant": {"name": "Anna Beispiel", "email": "anna@example.org"}}
                      """)
                  .expect(201)
                  .path("id")
                  .asText();
          client
              .post("/api/v1/cases/" + other + "/assignment")
              .as("clara")
              .json("{\"assignee\": \"clara\"}")
              .expect(200);
          done.add(pool.submit(() -> notes(commands, other, 250)));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      ReadModelRebuilds rebuilds = engine.getBean(ReadModelRebuilds.class);
      awaitCaughtUp(rebuilds);
      incremental = snapshot(engine, 1);

      rebuilds.rebuild("case-views");
      // the engine stops while the rebuild runs
    }

    try (ConfigurableApplicationContext engine = start()) {
      ReadModelRebuilds rebuilds = engine.getBean(ReadModelRebuilds.class);
      MongoDatabase database = engine.getBean(MongoDatabase.class);
      Document registered =
          database
              .getCollection("read_model_generations")
              .find(new Document("_id", "case-views"))
              .first();
      assertThat(registered).isNotNull();
      long deadline = System.nanoTime() + BOUND.toNanos();
      Progress progress;
      while (true) {
        progress = rebuilds.progress("case-views").orElseThrow();
        if (progress.status() != RunStatus.RUNNING && progress.status() != RunStatus.SWITCHING) {
          break;
        }
        if (progress.status() == RunStatus.RUNNING) {
          assertThat(rebuilds.standing("case-views").generation())
              .as("until the switch the old generation answers")
              .isEqualTo(1);
        }
        assertThat(System.nanoTime()).as("resumed rebuild done in time").isLessThan(deadline);
        Thread.sleep(20);
      }
      assertThat(progress.status()).isEqualTo(RunStatus.DONE);
      assertThat(progress.reason()).isEqualTo(Reason.RESUMED);
      assertThat(rebuilds.standing("case-views").generation()).isEqualTo(2);
      assertThat(snapshot(engine, 2)).isEqualTo(incremental);
      assertThat(database.listCollectionNames().into(new ArrayList<>()))
          .doesNotContain("case_views");
    }
  }

  private static Object notes(CommandGateway commands, String id, int count) {
    for (int n = 0; n < count; n++) {
      commands.sendAndWait(
          new AddInternalNote(
              new ServiceRequestId(id),
              "Notiz " + n,
              new ClerkId("clara"),
              new DepartmentCode("buergeramt"),
              Instant.now()));
    }
    return null;
  }

  private static TestClient client(ConfigurableApplicationContext engine) {
    return new TestClient(((ServletWebServerApplicationContext) engine).getWebServer().getPort());
  }

  private static void awaitCaughtUp(ReadModelRebuilds rebuilds) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (true) {
      Long lag = rebuilds.standing("case-views").lag();
      if (lag != null && lag == 0) {
        return;
      }
      assertThat(System.nanoTime()).as("caught up").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** The clerks' read model in {@code generation}, by id, with each record decrypted. */
  private static Map<Object, Object> snapshot(ConfigurableApplicationContext engine, int generation)
      throws Exception {
    MongoDatabase database = engine.getBean(MongoDatabase.class);
    ProtectedJson json = engine.getBean(ProtectedJson.class);
    Map<Object, Object> documents = new HashMap<>();
    for (Document document :
        database
            .getCollection(MongoReadModelGenerations.physical("case_views", generation))
            .find()) {
      Document plain = new Document(document);
      plain.put(
          "view",
          json.mapper().readValue(document.get("view", Document.class).toJson(), CaseView.class));
      documents.put(document.get("_id"), plain);
    }
    return documents;
  }
}
