package de.rathaus.api.servicerequest;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.ProductionSurroundings;
import de.rathaus.api.TestClient;
import de.rathaus.api.TestClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 200 citizens submit at the same moment: every submission is accepted, each request appears
 * exactly once in its owner's list with a case number of its own, and nobody sees anybody else's.
 *
 * <p>Demo mode has two citizens only, so this runs under the {@code production} profile: each
 * citizen is a bearer token signed by a key made here (as in {@code ProductionSecurityIT}), and the
 * MongoDB is a separate server (the embedded one, started by the test). Production seeds no
 * catalogue, so an administrator publishes the service first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("production")
@DirtiesContext
class ConcurrentSubmissionIT {

  private static final int CITIZENS = 200;
  private static final int THREADS = 48;

  /** How long all submissions together may take before the test gives up. */
  private static final Duration SUBMISSIONS_BOUND = Duration.ofSeconds(90);

  private static ProductionSurroundings production;

  @DynamicPropertySource
  static void production(DynamicPropertyRegistry registry) {
    production = ProductionSurroundings.start("rathaus-concurrent-it");
    production.configure(registry);
  }

  /**
   * Stops the database when the engine closes (after the class, see {@link DirtiesContext}), once
   * the engine's processors have stopped: stopped before, they would keep failing to poll it.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class StopMongoAfterTheEngine {
    @Bean
    DisposableBean stopEmbeddedMongo() {
      return () -> production.close();
    }
  }

  @LocalServerPort int port;

  private static String token(String subject, String role) {
    return production.token(subject, role, null);
  }

  private static final String SERVICE =
      """
      {"code": "gleichzeitig", "name": {"de": "Gleichzeitiger Antrag", "en": "Concurrent request"},
       "description": {"de": "Viele auf einmal", "en": "Many at once"},
       "department": "buergeramt", "group": "Test", "kind": "request", "fee": 0,
       "processingDays": 10,
       "attributes": [{"code": "kennzeichen", "datatype": "string", "required": true, "order": 1,
                       "description": {"de": "Kennzeichen", "en": "Licence plate"}}]}
      """;

  private static String submission(int citizen) {
    return """
        {"serviceCode": "gleichzeitig", "attributes": {"kennzeichen": "HN-C %d"},
         "applicant": {"name": "Bürgerin %d"}}
        """
        .formatted(citizen, citizen);
  }

  /** One citizen's submission as it was answered. */
  record Submitted(String citizen, String token, Response response) {
    String id() {
      return response.json().path("id").asText();
    }

    String caseNumber() {
      return response.json().path("caseNumber").asText();
    }
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void twoHundredCitizensSubmitAtOnceAndEachSeesExactlyTheirOwn() throws Exception {
    TestClient client = new TestClient(port);
    String admin = token("admin-1", "admin");
    // production seeds nothing: the service's department must exist before the service
    client
        .post("/api/v1/departments")
        .bearer(admin)
        .json("{\"code\": \"buergeramt\", \"name\": {\"de\": \"Bürgeramt\"}}")
        .expect(201);
    client.post("/api/v1/services").bearer(admin).json(SERVICE).expect(201);
    client.post("/api/v1/services/gleichzeitig/publication").bearer(admin).expect(200);

    List<String> citizens = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < CITIZENS; i++) {
      citizens.add("citizen-%03d".formatted(i));
      tokens.add(token(citizens.get(i), "citizen"));
    }

    List<Submitted> submitted = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < CITIZENS; i++) {
        String token = tokens.get(i);
        String body = submission(i);
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return client.post("/api/v1/requests").bearer(token).json(body).send();
                }));
      }
      start.countDown();
      long deadline = System.nanoTime() + SUBMISSIONS_BOUND.toNanos();
      for (int i = 0; i < CITIZENS; i++) {
        Response response =
            answers.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        submitted.add(new Submitted(citizens.get(i), tokens.get(i), response));
      }
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(30, TimeUnit.SECONDS);
    }

    assertThat(submitted)
        .as("submissions not answered 201")
        .filteredOn(s -> s.response().status() != 201)
        .extracting(s -> s.citizen() + ": " + s.response().status() + " " + s.response().body())
        .isEmpty();
    SoftAssertions softly = new SoftAssertions();
    Map<String, List<String>> byId =
        submitted.stream()
            .collect(
                groupingBy(Submitted::id, TreeMap::new, mapping(Submitted::citizen, toList())));
    softly
        .assertThat(byId.entrySet())
        .as("request ids given to more than one citizen")
        .filteredOn(given -> given.getValue().size() > 1)
        .isEmpty();
    Map<String, List<String>> byCaseNumber =
        submitted.stream()
            .collect(
                groupingBy(
                    Submitted::caseNumber, TreeMap::new, mapping(Submitted::citizen, toList())));
    softly
        .assertThat(byCaseNumber.entrySet())
        .as("case numbers given to more than one citizen")
        .filteredOn(given -> given.getValue().size() > 1)
        .isEmpty();
    softly
        .assertThat(byCaseNumber.keySet())
        .as("case numbers")
        .allMatch(number -> number.matches("HN-\\d{4}-\\d{6}"), "HN-yyyy-nnnnnn");

    for (int i = 0; i < CITIZENS; i++) {
      Submitted mine = submitted.get(i);
      JsonNode items =
          client.get("/api/v1/requests?size=500").bearer(mine.token()).expect(200).path("items");
      List<String> ids = new ArrayList<>();
      items.forEach(item -> ids.add(item.path("id").asText()));
      softly
          .assertThat(ids)
          .as("%s's list holds their request exactly once and nobody else's", mine.citizen())
          .containsExactly(mine.id());
      softly
          .assertThat(items.path(0).path("caseNumber").asText())
          .as("%s's case number in their list", mine.citizen())
          .isEqualTo(mine.caseNumber());

      Submitted other = submitted.get((i + 1) % CITIZENS);
      softly
          .assertThat(
              client.get("/api/v1/requests/" + other.id()).bearer(mine.token()).send().status())
          .as("%s reads %s's request", mine.citizen(), other.citizen())
          .isEqualTo(404);
    }
    softly.assertAll();
  }
}
