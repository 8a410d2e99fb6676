package de.rathaus.api.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.RathausApplication;
import de.rathaus.api.TestClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Deadlines across a restart: a case submitted before the engine stops, whose due date passes while
 * it is stopped, is flagged overdue after the start without anyone touching it, and then appears in
 * the queue filter {@code overdue=true}. Also: a decided case is closed over HTTP, and closing it
 * twice is refused; once the service's retention period has run out, the retention watch erases the
 * applicant's personal data by itself.
 */
class CaseDeadlineIT {

  @TempDir Path dataDir;
  private int port;

  /** The engine on the data directory, its clock {@code ahead} of the real one. */
  private ConfigurableApplicationContext start(Duration ahead) {
    Clock clock = Clock.offset(Clock.systemUTC(), ahead);
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(RathausApplication.class)
            .initializers(c -> c.getBeanFactory().registerSingleton("testClock", clock))
            .run(
                "--rathaus.data-dir=" + dataDir,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--rathaus.deadlines.check-interval=PT1H",
                "--rathaus.privacy.retention-check-interval=PT1S");
    port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return context;
  }

  @Test
  void aCaseThatFellDueWhileTheEngineWasStoppedIsFlaggedAfterTheStart() throws Exception {
    String id;
    try (ConfigurableApplicationContext first = start(Duration.ZERO)) {
      id =
          call(
                  "POST",
                  "/api/v1/requests",
                  """
                  {"serviceCode": "meldebescheinigung",
                   "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber",
                                  "delivery": "post", "copies": 1},
                   "applicant": {"name": "Anna Beispiel"}}
                  """,
                  "anna",
                  201)
              .path("id")
              .asText();
      assertThat(ids(call("GET", "/api/v1/cases?overdue=false", null, "clara", 200))).contains(id);
      assertThat(ids(call("GET", "/api/v1/cases?overdue=true", null, "clara", 200)))
          .doesNotContain(id);
    }

    try (ConfigurableApplicationContext second = start(Duration.ofDays(400))) {
      JsonNode overdue = null;
      Instant until = Instant.now().plusSeconds(20);
      while (Instant.now().isBefore(until)) {
        overdue = call("GET", "/api/v1/cases?overdue=true", null, "clara", 200);
        if (ids(overdue).contains(id)) {
          break;
        }
        Thread.sleep(100);
      }
      assertThat(ids(overdue)).as("flagged by the watch's first run after the start").contains(id);
      assertThat(ids(call("GET", "/api/v1/cases?overdue=false", null, "clara", 200)))
          .doesNotContain(id);
      assertThat(ids(call("GET", "/api/v1/cases?overdue=true", null, "carl", 200)))
          .doesNotContain(id);

      call("POST", "/api/v1/cases/" + id + "/closure", null, "clara", 409); // not decided yet
      call("POST", "/api/v1/cases/" + id + "/assignment", "{\"assignee\":\"clara\"}", "clara", 200);
      call(
          "POST",
          "/api/v1/cases/" + id + "/decision",
          "{\"outcome\":\"APPROVED\",\"reasoning\":\"Gemeldet\",\"legalBasis\":\"§ 18 BMG\"}",
          "clara",
          200);
      call("POST", "/api/v1/cases/" + id + "/closure", null, "carl", 404);
      JsonNode closed = call("POST", "/api/v1/cases/" + id + "/closure", null, "clara", 200);
      assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
      assertThat(closed.path("overdue").asBoolean()).isTrue();
      call("POST", "/api/v1/cases/" + id + "/closure", null, "clara", 409);
      JsonNode mine = call("GET", "/api/v1/requests/" + id, null, "anna", 200);
      assertThat(mine.path("status").asText()).isEqualTo("CLOSED");
    }

    // the certificate's retention (1 year after the case ended) runs out: the retention watch
    // erases anna's personal data by itself; the case's facts stay
    try (ConfigurableApplicationContext third = start(Duration.ofDays(800))) {
      JsonNode held = null;
      Instant until = Instant.now().plusSeconds(30);
      while (Instant.now().isBefore(until)) {
        held = call("GET", "/api/v1/cases/" + id, null, "clara", 200);
        if (held.path("contact").path("name").asText().equals("[erased]")) {
          break;
        }
        Thread.sleep(200);
      }
      assertThat(held.path("contact").path("name").asText()).isEqualTo("[erased]");
      assertThat(held.path("status").asText()).isEqualTo("CLOSED");
      assertThat(held.path("decision").path("outcome").asText()).isEqualTo("APPROVED");
    }
  }

  private static List<String> ids(JsonNode list) {
    return list.path("items").findValuesAsText("id");
  }

  private JsonNode call(String method, String path, String body, String user, int expected) {
    TestClient.Call call = new TestClient(port).call(method, path).as(user);
    return (body == null ? call : call.json(body)).expect(expected);
  }
}
