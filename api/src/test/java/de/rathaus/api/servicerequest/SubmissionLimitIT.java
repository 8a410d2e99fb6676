package de.rathaus.api.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.api.TestClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A citizen may submit at most {@code rathaus.limits.requests-per-hour} (default 20) requests in an
 * hour: the 21st is refused with 429 and {@code Retry-After}, stores nothing, and does not count
 * against another citizen.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubmissionLimitIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
    // the default (the tests' application.properties lifts it for the other tests)
    registry.add("rathaus.limits.requests-per-hour", () -> "20");
  }

  @LocalServerPort int port;

  private static final String BODY =
      """
      {"serviceCode": "maengelmelder", "attributes": {"category": "graffiti"},
       "location": {"lat": 49.14, "lon": 9.22}}
      """;

  @Test
  void theTwentyFirstSubmissionInAnHourIsRefusedWithRetryAfter() {
    TestClient client = new TestClient(port);
    for (int i = 0; i < 20; i++) {
      client.post("/api/v1/requests").as("anna").json(BODY).expect(201);
    }
    TestClient.Response refused = client.post("/api/v1/requests").as("anna").json(BODY).send();
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Content-Type").orElseThrow()).contains("application/problem+json");
    long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 3600L);
    assertThat(refused.json().path("status").asInt()).isEqualTo(429);

    assertThat(client.get("/api/v1/requests?size=500").as("anna").expect(200).path("items").size())
        .isEqualTo(20);
    client.post("/api/v1/requests").as("ben").json(BODY).expect(201);
  }
}
