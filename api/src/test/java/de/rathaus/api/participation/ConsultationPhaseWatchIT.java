package de.rathaus.api.participation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.RathausApplication;
import de.rathaus.api.TestClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The phase watch on its schedule, across a restart: a consultation drafted before the engine
 * stops, whose dates all pass while it is stopped, is moved through them in order by the watch's
 * first run after the start, without anyone touching it.
 */
class ConsultationPhaseWatchIT {

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
                "--rathaus.participation.phase-check-interval=PT1S");
    port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return context;
  }

  @Test
  void datesThatPassedWhileTheEngineWasStoppedAreActedOnInOrderAfterTheStart() throws Exception {
    Instant opens = Instant.now().plus(Duration.ofDays(1));
    Instant closes = opens.plus(Duration.ofDays(10));
    Instant votingEnds = closes.plus(Duration.ofDays(10));
    String id;
    try (ConfigurableApplicationContext first = start(Duration.ZERO)) {
      id =
          new TestClient(port)
              .post("/api/v1/consultations")
              .as("ada")
              .json(
                  """
                  {"title": {"de": "Parkraum"}, "description": {"de": "Wohin mit den Autos?"},
                   "actionField": "mobilitaet", "format": "IDEAS",
                   "opensAt": "%s", "closesAt": "%s", "votingEndsAt": "%s"}
                  """
                      .formatted(opens, closes, votingEnds))
              .expect(201)
              .path("id")
              .asText();
      Thread.sleep(1_500); // a run or two of the watch: nothing is due yet
      assertThat(phase(id)).isEqualTo("DRAFT");
    }

    try (ConfigurableApplicationContext second = start(Duration.ofDays(30))) {
      JsonNode consultation = null;
      Instant until = Instant.now().plusSeconds(20);
      while (Instant.now().isBefore(until)) {
        consultation = new TestClient(port).get("/api/v1/consultations/" + id).send().json();
        if ("CLOSED".equals(consultation.path("phase").asText())) {
          break;
        }
        Thread.sleep(100);
      }
      assertThat(consultation.path("phase").asText())
          .as("moved by the watch's runs after the start")
          .isEqualTo("CLOSED");
      assertThat(consultation.path("phases").findValuesAsText("phase"))
          .containsExactly("OPEN", "VOTING", "CLOSED");
      assertThat(Instant.parse(consultation.path("phases").get(2).path("at").asText()))
          .isEqualTo(votingEnds);
    }
  }

  private String phase(String id) {
    return new TestClient(port)
        .get("/api/v1/consultations/" + id)
        .as("ada")
        .expect(200)
        .path("phase")
        .asText();
  }
}
