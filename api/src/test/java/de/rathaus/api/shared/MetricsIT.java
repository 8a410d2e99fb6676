package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.api.TestClient;
import de.rathaus.api.TestClient.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the operator sees: {@code /actuator/prometheus} for the operator role only, with Axon's
 * metrics of the processors and the command bus, each read model's position and lag, the watches'
 * counters and the HTTP metrics; the HTTP metrics name path templates, so no id or personal value
 * ends up in a tag.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// metrics are exported as the engine exports them (Spring Boot's tests turn that off)
@AutoConfigureObservability(tracing = false)
class MetricsIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  private TestClient client;

  @BeforeEach
  void client() {
    client = new TestClient(port);
  }

  @Test
  void theOperatorReadsTheEnginesMetricsInPrometheusFormat() {
    String name = "Kanari Metrik " + UUID.randomUUID();
    String id =
        client
            .post("/api/v1/requests")
            .as("anna")
            .json(
                """
                {"serviceCode": "meldebescheinigung",
                 "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber",
                                "delivery": "post", "copies": 1},
                 "applicant": {"name": "%s"}}
                """
                    .formatted(name))
            .expect(201)
            .path("id")
            .asText();
    client.get("/api/v1/requests/" + id).as("anna").expect(200);

    Response metrics = client.get("/actuator/prometheus").as("otto").send().expect(200);

    assertThat(metrics.header("Content-Type")).hasValueSatisfying(t -> t.startsWith("text/plain"));
    String text = metrics.body();
    assertThat(text)
        .as("Axon's processor metrics, per read model")
        .contains("eventProcessor_latency{processorName=\"request-views\"}")
        .contains("eventProcessor_successCounter_total{")
        .as("Axon's command handling times")
        .contains("commandBus_successTimer_seconds_count{payloadType=\"SubmitServiceRequest\"}")
        .as("each read model's position and lag")
        .contains("rathaus_processor_position{processorName=\"case-views\"}")
        .contains("rathaus_processor_behind{processorName=\"request-views\"}")
        .as("the watches' counters")
        .contains("rathaus_watch_runs_total{outcome=\"completed\",watch=\"deadline-watch\"}")
        .contains("rathaus_watch_changed_total{watch=\"deadline-watch\"}")
        .contains("rathaus_watch_failures_total{watch=\"deadline-watch\"}")
        .contains("rathaus_watch_failures_total{watch=\"retention-watch\"}")
        .contains("rathaus_watch_runs_total{outcome=\"completed\",watch=\"phase-watch\"}")
        .contains("rathaus_watch_changed_total{watch=\"phase-watch\"}")
        .contains("rathaus_watch_failures_total{watch=\"phase-watch\"}")
        .as("HTTP metrics by path template")
        .containsPattern(
            "http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/requests/\\{id}\"")
        .as("no id and no personal value in any tag")
        .doesNotContain(id)
        .doesNotContain(name);
  }

  @Test
  void onlyTheOperatorMayReadTheMetrics() {
    Response anonymous = client.get("/actuator/prometheus").send();
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.isProblem()).isTrue();
    for (String user : List.of("anna", "clara", "udo", "ada")) {
      Response refused = client.get("/actuator/prometheus").as(user).send();
      assertThat(refused.status()).as(user).isEqualTo(403);
      assertThat(refused.isProblem()).as(user).isTrue();
    }
  }

  @Test
  void theOperatorSeesNothingElse() {
    assertThat(client.get("/api/v1/requests").as("otto").send().status()).isEqualTo(403);
    assertThat(client.get("/api/v1/cases").as("otto").send().status()).isEqualTo(403);
    assertThat(client.get("/actuator/metrics").as("otto").send().status())
        .as("only health and prometheus are exposed")
        .isIn(403, 404);
    assertThat(client.get("/actuator/env").as("otto").send().status()).isIn(403, 404);
  }
}
