package de.rathaus.api.participation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.rathaus.api.TestClient;
import de.rathaus.api.TestClient.Response;
import de.rathaus.api.shared.ActorMetadata;
import de.rathaus.application.participation.Pseudonyms;
import de.rathaus.application.participation.Supports;
import de.rathaus.domain.participation.ConsultationFormat;
import de.rathaus.domain.participation.ConsultationPhase;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.ProposalSupported;
import de.rathaus.domain.participation.RatingId;
import de.rathaus.domain.participation.SupportId;
import de.rathaus.domain.shared.CitizenId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Supports and ratings on the running engine (one engine for the class): one per citizen whatever
 * the concurrency, counts that equal a recount of the histories, every refusal and bad input a
 * problem, and nothing stored that names who supported or rated.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SupportsIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
    registry.add("rathaus.participation.phase-check-interval", () -> "PT1H");
  }

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Duration BOUND = Duration.ofSeconds(90);

  @LocalServerPort int port;
  @Autowired EventStore events;
  @Autowired Supports supports;
  @Autowired Pseudonyms pseudonyms;
  private TestClient client;

  @BeforeEach
  void client() {
    client = new TestClient(port).withHeader("Accept-Language", "en");
  }

  // --- making consultations, proposals and items

  private String draft(String format) {
    Instant opens = NOW.plus(Duration.ofDays(1));
    Instant closes = NOW.plus(Duration.ofDays(30));
    String body =
        """
        {"title": {"de": "Plätze", "en": "Squares"}, "description": {"de": "Was fehlt?"},
         "actionField": "mobilitaet", "format": "%s", "opensAt": "%s", "closesAt": "%s"%s}
        """
            .formatted(
                format,
                opens,
                closes,
                format.equals("IDEAS")
                    ? ", \"votingEndsAt\": \"" + closes.plus(Duration.ofDays(10)) + "\""
                    : "");
    return client
        .post("/api/v1/consultations")
        .as("ada")
        .json(body)
        .expect(201)
        .path("id")
        .asText();
  }

  private String move(String id, String phase) {
    client
        .post("/api/v1/consultations/" + id + "/phase")
        .as("ada")
        .json("{\"phase\": \"" + phase + "\"}")
        .expect(200);
    return id;
  }

  private static final String PROPOSAL =
      "{\"title\": \"Bänke\", \"text\": \"Mehr Bänke\", \"displayName\": \"Anna B.\"}";
  private static final String ITEM =
      "{\"title\": \"Smarte Parkbank\", \"text\": \"Mit Solarzelle\", \"displayName\": \"Stadt\"}";

  private Response post(String consultation, String user, String body) {
    return client
        .post("/api/v1/consultations/" + consultation + "/proposals")
        .as(user)
        .json(body)
        .send();
  }

  private String proposed(String consultation) {
    return post(consultation, "ben", PROPOSAL).expect(201).json().path("id").asText();
  }

  private String openIdeas() {
    return move(draft("IDEAS"), "OPEN");
  }

  private Response support(String proposal, String user) {
    return client.put("/api/v1/proposals/" + proposal + "/support").as(user).send();
  }

  private Response withdraw(String proposal, String user) {
    return client.delete("/api/v1/proposals/" + proposal + "/support").as(user).send();
  }

  private Response rate(String item, String user, String body) {
    return client.put("/api/v1/proposals/" + item + "/rating").as(user).json(body).send();
  }

  private JsonNode proposal(String id, String user) {
    return user == null
        ? client.get("/api/v1/proposals/" + id).expect(200)
        : client.get("/api/v1/proposals/" + id).as(user).expect(200);
  }

  private static void assertProblem(Response response, int status, String code) {
    response.expect(status);
    assertThat(response.isProblem()).as(response.body()).isTrue();
    if (code != null) {
      assertThat(response.json().path("code").asText()).isEqualTo(code);
    }
  }

  // --- supports over HTTP

  @Test
  void aSupportIsOnePerCitizenIdempotentAndWithdrawable() {
    String proposal = proposed(openIdeas());

    JsonNode first = support(proposal, "anna").expect(200).json();
    assertThat(first.path("supports").asLong()).isEqualTo(1);
    assertThat(first.path("supportedByMe").asBoolean()).isTrue();
    JsonNode again = support(proposal, "anna").expect(200).json();
    assertThat(again.path("supports").asLong()).isEqualTo(1);
    assertThat(again.path("supportedByMe").asBoolean()).isTrue();
    assertThat(support(proposal, "ben").expect(200).json().path("supports").asLong()).isEqualTo(2);

    assertThat(proposal(proposal, "anna").path("supportedByMe").asBoolean()).isTrue();
    assertThat(proposal(proposal, null).path("supports").asLong()).isEqualTo(2);
    assertThat(proposal(proposal, null).path("supportedByMe").asBoolean()).isFalse();
    assertThat(proposal(proposal, "ada").path("supportedByMe").asBoolean()).isFalse();
    assertThat(proposal(proposal, null).has("rating")).isFalse();

    JsonNode withdrawn = withdraw(proposal, "anna").expect(200).json();
    assertThat(withdrawn.path("supports").asLong()).isEqualTo(1);
    assertThat(withdrawn.path("supportedByMe").asBoolean()).isFalse();
    assertThat(withdraw(proposal, "anna").expect(200).json().path("supports").asLong())
        .isEqualTo(1);
    assertThat(support(proposal, "anna").expect(200).json().path("supports").asLong()).isEqualTo(2);

    // only real transitions are events: supported, withdrawn, supported again
    SupportId annas = supports.supportOf(new CitizenId("anna"), new ProposalId(proposal));
    assertThat(history(annas.value()))
        .extracting(e -> e.getPayloadType().getSimpleName())
        .containsExactly("ProposalSupported", "ProposalSupportWithdrawn", "ProposalSupported");
  }

  @Test
  void aNeverGivenSupportWithdrawnAnswersNoneAndRecordsNothing() {
    String proposal = proposed(openIdeas());
    JsonNode answer = withdraw(proposal, "anna").expect(200).json();
    assertThat(answer.path("supports").asLong()).isZero();
    assertThat(answer.path("supportedByMe").asBoolean()).isFalse();
    SupportId annas = supports.supportOf(new CitizenId("anna"), new ProposalId(proposal));
    assertThat(history(annas.value())).isEmpty();
  }

  @Test
  void supportsStayOpenWhileVotingAndCloseWithTheConsultation() {
    String consultation = openIdeas();
    String proposal = proposed(consultation);
    move(consultation, "VOTING");
    support(proposal, "anna").expect(200);
    move(consultation, "CLOSED");
    assertProblem(support(proposal, "ben"), 409, "SUPPORTS_CLOSED");
    assertProblem(withdraw(proposal, "anna"), 409, "SUPPORTS_CLOSED");
    assertThat(support(proposal, "ben").json().path("detail").asText()).contains("open or voting");
    assertThat(proposal(proposal, "anna").path("supports").asLong()).isEqualTo(1);
  }

  @Test
  void anUnknownOrMalformedProposalIsNotFound() {
    String unknown = ProposalId.of(UUID.randomUUID()).value();
    for (String id : List.of(unknown, "nonsense", "proposal-123")) {
      assertProblem(support(id, "anna"), 404, null);
      assertProblem(withdraw(id, "anna"), 404, null);
      assertProblem(rate(id, "anna", "{\"stars\": 3}"), 404, null);
    }
  }

  @Test
  void theMostSupportedComeFirst() {
    String consultation = openIdeas();
    String none = proposed(consultation);
    String two = proposed(consultation);
    String one = proposed(consultation);
    support(two, "anna").expect(200);
    support(two, "ben").expect(200);
    support(one, "anna").expect(200);

    String path = "/api/v1/consultations/" + consultation + "/proposals?sort=supports&size=2";
    JsonNode first = client.get(path).expect(200);
    assertThat(first.path("items").findValuesAsText("id")).containsExactly(two, one);
    assertThat(first.path("items").findValuesAsText("supports")).containsExactly("2", "1");
    JsonNode second = client.get(first.path("next").asText()).expect(200);
    assertThat(second.path("items").findValuesAsText("id")).containsExactly(none);
    assertThat(second.path("next").isNull()).isTrue();
    JsonNode mine =
        client
            .get("/api/v1/consultations/" + consultation + "/proposals?sort=SUPPORTS")
            .as("anna")
            .expect(200);
    assertThat(mine.path("items").findValuesAsText("supportedByMe"))
        .containsExactly("true", "true", "false");
    assertProblem(
        client.get("/api/v1/consultations/" + consultation + "/proposals?sort=votes").send(),
        400,
        null);
  }

  // --- feedback items and ratings

  @Test
  void theCityPutsUpItemsAndCitizensRateThemOneRatingEachChangeableWhileOpen() {
    String consultation = draft("FEEDBACK");
    String item = post(consultation, "ada", ITEM).expect(201).json().path("id").asText();
    move(consultation, "OPEN");
    String second = post(consultation, "ada", ITEM).expect(201).json().path("id").asText();
    assertThat(second).isNotEqualTo(item);

    JsonNode annas = rate(item, "anna", "{\"stars\": 4}").expect(200).json();
    assertThat(annas.path("ratings").asLong()).isEqualTo(1);
    assertThat(annas.path("average").asDouble()).isEqualTo(4.0);
    assertThat(annas.path("myStars").asInt()).isEqualTo(4);
    rate(item, "ben", "{\"stars\": 5}").expect(200);
    JsonNode changed = rate(item, "anna", "{\"stars\": 2}").expect(200).json();
    assertThat(changed.path("ratings").asLong()).isEqualTo(2);
    assertThat(changed.path("average").asDouble()).isEqualTo(3.5);
    assertThat(changed.path("myStars").asInt()).isEqualTo(2);
    assertThat(changed.path("distribution").toString())
        .isEqualTo("{\"1\":0,\"2\":1,\"3\":0,\"4\":0,\"5\":1}");

    JsonNode read = proposal(item, "anna");
    assertThat(read.path("rating").path("average").asDouble()).isEqualTo(3.5);
    assertThat(read.path("rating").path("myStars").asInt()).isEqualTo(2);
    assertThat(proposal(item, null).path("rating").path("myStars").isNull()).isTrue();
    assertThat(proposal(second, null).path("rating").path("average").isNull()).isTrue();
    assertThat(proposal(second, null).path("rating").path("ratings").asLong()).isZero();

    assertProblem(support(item, "anna"), 409, "NOT_AN_IDEAS_CONSULTATION");
    assertProblem(post(consultation, "anna", PROPOSAL), 409, "NOT_AN_IDEAS_CONSULTATION");
    move(consultation, "CLOSED");
    assertProblem(rate(item, "anna", "{\"stars\": 1}"), 409, "RATINGS_CLOSED");
    assertProblem(post(consultation, "ada", ITEM), 409, "ITEMS_CLOSED");
    assertThat(proposal(item, null).path("rating").path("ratings").asLong()).isEqualTo(2);
  }

  @Test
  void anAdministratorPutsUpNoItemInAnIdeasConsultationAndNobodyRatesAProposal() {
    String consultation = openIdeas();
    assertProblem(post(consultation, "ada", ITEM), 409, "NOT_A_FEEDBACK_CONSULTATION");
    String proposal = proposed(consultation);
    assertProblem(rate(proposal, "anna", "{\"stars\": 3}"), 409, "NOT_A_FEEDBACK_CONSULTATION");
  }

  @Test
  void aRatingOutsideOneToFiveStarsOrOfAnotherShapeIsABadRequest() {
    String consultation = draft("FEEDBACK");
    String item = post(consultation, "ada", ITEM).expect(201).json().path("id").asText();
    move(consultation, "OPEN");
    for (String body :
        List.of(
            "{\"stars\": 0}",
            "{\"stars\": 6}",
            "{\"stars\": -1}",
            "{}",
            "{\"stars\": \"four\"}",
            "{\"stars\": 3, \"who\": \"anna\"}",
            "[3]",
            "not json")) {
      assertProblem(rate(item, "anna", body), 400, null);
    }
    assertThat(proposal(item, null).path("rating").path("ratings").asLong()).isZero();
  }

  // --- concurrency and counts

  @Test
  void fiftyParallelSupportsOfOneCitizenMakeOneSupport() throws Exception {
    String proposal = proposed(openIdeas());
    List<Response> answers = parallel(50, i -> () -> support(proposal, "anna"));
    assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
    assertThat(answers).allSatisfy(a -> assertThat(a.json().path("supports").asLong()).isOne());
    assertThat(proposal(proposal, null).path("supports").asLong()).isEqualTo(1);
    SupportId annas = supports.supportOf(new CitizenId("anna"), new ProposalId(proposal));
    assertThat(history(annas.value())).hasSize(1);
  }

  @Test
  void twoThousandSupportsOfDistinctCitizensInParallelCountTwoThousand() throws Exception {
    String proposal = proposed(openIdeas());
    ProposalId id = new ProposalId(proposal);
    String run = UUID.randomUUID().toString();
    parallel(
        2_000,
        i ->
            () -> {
              supports.support(
                  new CitizenId("citizen-" + run + "-" + i),
                  id,
                  ConsultationFormat.IDEAS,
                  ConsultationPhase.OPEN,
                  Instant.now());
              return null;
            });
    awaitSupports(proposal, 2_000);
  }

  @Test
  void interleavedSupportsAndWithdrawalsOfAHundredCitizensCountAsARecountOfTheirHistories()
      throws Exception {
    String proposal = proposed(openIdeas());
    ProposalId id = new ProposalId(proposal);
    String run = UUID.randomUUID().toString();
    Random random = new Random(7);
    List<Integer> actions = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      actions.add(random.nextInt(200)); // citizen = n / 2, support if even
    }
    parallel(
        actions.size(),
        i ->
            () -> {
              int n = actions.get(i);
              CitizenId citizen = new CitizenId("citizen-" + run + "-" + n / 2);
              if (n % 2 == 0) {
                supports.support(
                    citizen, id, ConsultationFormat.IDEAS, ConsultationPhase.OPEN, Instant.now());
              } else {
                supports.withdraw(
                    citizen, id, ConsultationFormat.IDEAS, ConsultationPhase.OPEN, Instant.now());
              }
              return null;
            });
    long recount = 0;
    for (int c = 0; c < 100; c++) {
      SupportId support = supports.supportOf(new CitizenId("citizen-" + run + "-" + c), id);
      List<? extends DomainEventMessage<?>> history = history(support.value());
      if (!history.isEmpty()
          && history.get(history.size() - 1).getPayload() instanceof ProposalSupported) {
        recount++;
      }
    }
    assertThat(recount).as("some stand, some were withdrawn").isBetween(1L, 99L);
    awaitSupports(proposal, recount);
  }

  // --- nothing names who

  @Test
  void theStoredEventsOfASupportAndARatingAndTheirMetadataDoNotNameTheCitizen() throws Exception {
    String proposal = proposed(openIdeas());
    support(proposal, "anna").expect(200);
    withdraw(proposal, "anna").expect(200);
    String consultation = draft("FEEDBACK");
    String item = post(consultation, "ada", ITEM).expect(201).json().path("id").asText();
    move(consultation, "OPEN");
    rate(item, "anna", "{\"stars\": 4}").expect(200);
    rate(item, "anna", "{\"stars\": 1}").expect(200);

    SupportId support = supports.supportOf(new CitizenId("anna"), new ProposalId(proposal));
    List<DomainEventMessage<?>> stored = new ArrayList<>(history(support.value()));
    assertThat(stored).hasSize(2);
    RatingId rating =
        RatingId.of(
            pseudonyms.of(new CitizenId("anna"), Pseudonyms.Purpose.RATING, new ProposalId(item)));
    List<DomainEventMessage<?>> ratings = new ArrayList<>(history(rating.value()));
    assertThat(ratings).hasSize(2);
    stored.addAll(ratings);
    ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    for (DomainEventMessage<?> event : stored) {
      assertThat(event.getMetaData().get(ActorMetadata.ACTOR_ID)).isEqualTo("pseudonymous");
      assertThat(event.getMetaData().get(ActorMetadata.ACTOR_ROLE)).isEqualTo("CITIZEN");
      assertThat(event.getAggregateIdentifier()).doesNotContain("anna");
      for (Map.Entry<String, Object> entry : event.getMetaData().entrySet()) {
        assertThat(String.valueOf(entry.getValue())).as(entry.getKey()).isNotEqualTo("anna");
      }
      assertThat(json.writeValueAsString(event.getPayload())).doesNotContain("\"anna\"");
    }
  }

  // --- helpers

  private List<? extends DomainEventMessage<?>> history(String aggregate) {
    return events.readEvents(aggregate).asStream().toList();
  }

  private void awaitSupports(String proposal, long expected) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    long seen = -1;
    while (System.nanoTime() < deadline) {
      seen = proposal(proposal, null).path("supports").asLong();
      if (seen == expected) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(seen).isEqualTo(expected);
  }

  private static <T> List<T> parallel(int count, java.util.function.IntFunction<Supplier<T>> task)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Supplier<T> call = task.apply(i);
        futures.add(pool.submit(call::get));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
