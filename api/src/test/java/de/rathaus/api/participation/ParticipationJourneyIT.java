package de.rathaus.api.participation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.MovableClock;
import de.rathaus.api.TestClient;
import de.rathaus.api.TestClient.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * E-participation through HTTP on the running engine (one engine for the class): the city's answers
 * and the results of a consultation, and the whole course of a consultation from its draft to its
 * published results.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = MovableClock.Initializer.class)
class ParticipationJourneyIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
    registry.add("rathaus.participation.phase-check-interval", () -> "PT1H");
  }

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @LocalServerPort int port;
  private TestClient client;

  @BeforeEach
  void client() {
    client = new TestClient(port).withHeader("Accept-Language", "en");
  }

  @AfterEach
  void realTime() {
    MovableClock.ENGINE.reset();
  }

  private static String consultation(String format, String extra) {
    Instant opens = NOW.plus(Duration.ofDays(1));
    Instant closes = NOW.plus(Duration.ofDays(30));
    return """
        {"title": {"de": "Radwege", "en": "Cycle lanes"},
         "description": {"de": "Wo fehlen Radwege?", "en": "Where are cycle lanes missing?"},
         "actionField": "mobilitaet", "sustainabilityGoals": [11, 13], "format": "%s",
         "opensAt": "%s", "closesAt": "%s"%s}
        """
        .formatted(format, opens, closes, extra);
  }

  private String opened(String format, String extra) {
    String id =
        client
            .post("/api/v1/consultations")
            .as("ada")
            .json(consultation(format, extra))
            .expect(201)
            .path("id")
            .asText();
    move(id, "OPEN");
    return id;
  }

  private void move(String id, String phase) {
    client
        .post("/api/v1/consultations/" + id + "/phase")
        .as("ada")
        .json(
            "RESULTS_PUBLISHED".equals(phase)
                ? "{\"phase\": \"RESULTS_PUBLISHED\", \"summary\": {\"de\": \"Ergebnis\"}}"
                : "{\"phase\": \"" + phase + "\"}")
        .expect(200);
  }

  private String proposed(String consultation, String user, String title) {
    JsonNode proposal =
        client
            .post("/api/v1/consultations/" + consultation + "/proposals")
            .as(user)
            .json(
                """
                {"title": "%s", "text": "Text zu %s", "displayName": "%s"}
                """
                    .formatted(title, title, user))
            .expect(201);
    // the submission's place in the tamper-evident log; a read of the proposal has none
    assertThat(proposal.path("position").asLong()).isPositive();
    assertThat(proposal.path("leafHash").asText()).isNotBlank();
    return proposal.path("id").asText();
  }

  private Response answer(String proposal, String user, String body) {
    return client.post("/api/v1/proposals/" + proposal + "/answer").as(user).json(body).send();
  }

  private JsonNode results(String consultation) {
    return client.get("/api/v1/consultations/" + consultation + "/results").expect(200);
  }

  // --- the whole course of an ideas consultation

  private JsonNode support(String proposal, String user) {
    return client.put("/api/v1/proposals/" + proposal + "/support").as(user).expect(200);
  }

  private String comment(String proposal, String user, String text, String parent) {
    return client
        .post("/api/v1/proposals/" + proposal + "/comments")
        .as(user)
        .json(
            parent == null
                ? "{\"text\": \"%s\", \"displayName\": \"%s\"}".formatted(text, user)
                : "{\"text\": \"%s\", \"displayName\": \"%s\", \"parentId\": \"%s\"}"
                    .formatted(text, user, parent))
        .expect(201)
        .path("id")
        .asText();
  }

  /**
   * An answer's {@code position} and {@code leafHash} are those the log proves: once sealed, the
   * inclusion proof at that position names the same leaf hash.
   */
  private void assertStampedInTheLog(JsonNode answer) {
    long position = answer.path("position").asLong();
    assertThat(position).isPositive();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Response proof;
    do {
      proof =
          client
              .get("/api/v1/audit/proofs/inclusion?position=" + position + "&treeSize=" + position)
              .send();
      if (proof.status() != 200) {
        sleepBriefly();
      }
    } while (proof.status() != 200 && System.nanoTime() < deadline);
    assertThat(proof.expect(200).json().path("leafHash").asText())
        .isEqualTo(answer.path("leafHash").asText());
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private JsonNode proposal(String id) {
    return client.get("/api/v1/proposals/" + id).expect(200);
  }

  @Test
  void anIdeasConsultationFromItsDraftToItsPublishedResultsWithOneAnswerOverdue() {
    // an admin drafts and opens a consultation: two supports oblige the city to answer in 7 days
    String consultation =
        opened(
            "IDEAS",
            ", \"votingEndsAt\": \"%s\", \"supportThreshold\": 2, \"answerDeadlineDays\": 7"
                .formatted(NOW.plus(Duration.ofDays(40))));

    // citizens propose, support and comment
    String benches = proposed(consultation, "anna", "Bänke am Kiliansplatz");
    String lanes = proposed(consultation, "ben", "Radweg Neckarufer");
    String lights = proposed(consultation, "anna", "Licht im Stadtpark");
    assertThat(support(benches, "anna").path("supports").asInt()).isEqualTo(1);
    JsonNode twice = support(benches, "ben");
    assertThat(twice.path("supports").asInt()).isEqualTo(2);
    assertThat(twice.path("supportedByMe").asBoolean()).isTrue();
    // the support's event is stamped with its place in the tamper-evident log, which proves it
    assertStampedInTheLog(twice);
    assertThat(support(benches, "ben").has("position")).as("a repeat records nothing").isFalse();
    support(lanes, "anna");
    support(lanes, "ben");
    support(lights, "ben");
    String question = comment(benches, "ben", "Auch im Schatten?", null);
    comment(benches, "anna", "Ja, unter den Linden.", question);
    String rude = comment(lanes, "anna", "Unsinn, ihr Radler!", null);
    assertThat(proposal(benches).path("commentCount").asInt()).isEqualTo(2);
    assertThat(proposal(benches).path("answerDue").isNull())
        .as("the threshold reached: the deadline runs")
        .isFalse();
    assertThat(proposal(lights).path("answerDue").isNull()).as("one support: none runs").isTrue();

    // a moderator hides a comment with a public reason: the log shows the reason, not the text
    client
        .post("/api/v1/proposals/" + lanes + "/moderation")
        .as("mona")
        .json(
            "{\"action\": \"HIDE\", \"reason\": \"Beleidigend (Netiquette 2)\", \"commentId\": \"%s\"}"
                .formatted(rude))
        .expect(200);
    JsonNode log =
        client.get("/api/v1/consultations/" + consultation + "/moderation-log").expect(200);
    assertThat(log.path("items").size()).isEqualTo(1);
    JsonNode entry = log.path("items").get(0);
    assertThat(entry.path("kind").asText()).isEqualTo("COMMENT");
    assertThat(entry.path("action").asText()).isEqualTo("HIDDEN");
    assertThat(entry.path("reason").asText()).isEqualTo("Beleidigend (Netiquette 2)");
    assertThat(entry.path("role").asText()).isEqualTo("MODERATOR");
    assertThat(log.toString()).doesNotContain("Unsinn", "mona");
    assertThat(proposal(lanes).toString()).doesNotContain("Unsinn");
    assertThat(proposal(lanes).path("commentCount").asInt()).isZero();

    // voting: no new proposals, supports still count; then closed
    move(consultation, "VOTING");
    assertThat(
            client
                .post("/api/v1/consultations/" + consultation + "/proposals")
                .as("ben")
                .json("{\"title\": \"Spät\", \"text\": \"Zu spät\", \"displayName\": \"Ben\"}")
                .send()
                .status())
        .isEqualTo(409);
    assertThat(support(lights, "anna").path("supports").asInt()).isEqualTo(2);
    move(consultation, "CLOSED");
    assertThat(client.put("/api/v1/proposals/" + lights + "/support").as("anna").send().status())
        .as("supports are frozen once closed")
        .isEqualTo(409);

    // the city answers two of the three in time; the deadline of the third passes
    answer(benches, "ada", "{\"status\": \"ACCEPTED\", \"reasoning\": \"Vier Bänke im Juni.\"}")
        .expect(200);
    answer(
            lights,
            "ada",
            "{\"status\": \"REJECTED\", \"reasoning\": \"Der Park schließt nachts.\"}")
        .expect(200);
    MovableClock.ENGINE.advance(Duration.ofDays(8));
    move(consultation, "RESULTS_PUBLISHED");

    JsonNode results = results(consultation);
    assertThat(results.path("published").asBoolean()).isTrue();
    assertThat(results.path("proposalCount").asInt()).isEqualTo(3);
    assertThat(results.path("answered").asInt()).isEqualTo(2);
    assertThat(results.path("withAnswerDeadline").asInt()).isEqualTo(3);
    assertThat(results.path("answeredInTime").asInt()).isEqualTo(2);
    assertThat(results.path("overdue").asInt()).isEqualTo(1);
    JsonNode overdue = null;
    for (JsonNode result : results.path("proposals")) {
      if (result.path("id").asText().equals(lanes)) {
        overdue = result;
      }
    }
    assertThat(overdue).isNotNull();
    assertThat(overdue.path("answerDuty").asText()).isEqualTo("OVERDUE");
    assertThat(overdue.path("supports").asInt()).isEqualTo(2);
    assertThat(proposal(lanes).path("answerOverdue").asBoolean()).isTrue();
    assertThat(proposal(benches).path("answerOverdue").asBoolean()).isFalse();
  }

  // --- a real-world lab: the city's items rated by citizens

  private String item(String consultation, String title) {
    return client
        .post("/api/v1/consultations/" + consultation + "/proposals")
        .as("ada")
        .json(
            """
            {"title": "%s", "text": "Pilot im Reallabor: %s", "displayName": "Stadt Heilbronn",
             "location": {"lat": 49.1427, "lon": 9.2109}}
            """
                .formatted(title, title))
        .expect(201)
        .path("id")
        .asText();
  }

  private JsonNode rate(String item, String user, int stars) {
    return client
        .put("/api/v1/proposals/" + item + "/rating")
        .as(user)
        .json("{\"stars\": " + stars + "}")
        .expect(200);
  }

  @Test
  void aFeedbackConsultationsItemsAreRatedAndTheResultsGiveTheAverageAndTheDistribution() {
    String lab =
        client
            .post("/api/v1/consultations")
            .as("ada")
            .json(consultation("FEEDBACK", ""))
            .expect(201)
            .path("id")
            .asText();
    // the city puts its pilot projects up while it prepares the lab, and one more once it is open
    String sensors = item(lab, "Parksensoren Wollhaus");
    // an item of a draft is the city's preparation: unknown to everyone but administrators
    for (String user : List.of("anna", "mona", "udo")) {
      assertThat(client.get("/api/v1/proposals/" + sensors).as(user).send().status())
          .as(user)
          .isEqualTo(404);
    }
    assertThat(client.get("/api/v1/proposals/" + sensors).send().status()).isEqualTo(404);
    client.get("/api/v1/proposals/" + sensors).as("ada").expect(200);
    move(lab, "OPEN");
    String lights = item(lab, "Smarte Straßenlaternen");

    assertThat(rate(sensors, "anna", 4).path("average").asDouble()).isEqualTo(4.0);
    JsonNode two = rate(sensors, "ben", 2);
    assertStampedInTheLog(two);
    assertThat(two.path("ratings").asInt()).isEqualTo(2);
    assertThat(two.path("myStars").asInt()).isEqualTo(2);
    // a citizen changes their rating while the lab is open: still one rating of theirs
    JsonNode changed = rate(sensors, "anna", 5);
    assertThat(changed.path("ratings").asInt()).isEqualTo(2);
    assertThat(changed.path("average").asDouble()).isEqualTo(3.5);
    assertThat(changed.path("distribution").path("5").asInt()).isEqualTo(1);
    assertThat(changed.path("distribution").path("4").asInt()).isZero();
    rate(lights, "ben", 3);
    String remark = comment(sensors, "ben", "Die App zeigt freie Plätze zu spät.", null);
    assertThat(proposal(sensors).path("comments").findValuesAsText("id")).contains(remark);
    JsonNode read = client.get("/api/v1/proposals/" + sensors).as("anna").expect(200);
    assertThat(read.path("rating").path("myStars").asInt()).isEqualTo(5);
    assertThat(read.path("supports").asInt()).isZero();

    // no supports and no voting in a lab; citizens do not put up items
    assertThat(client.put("/api/v1/proposals/" + sensors + "/support").as("anna").send().status())
        .isEqualTo(409);
    assertThat(
            client
                .post("/api/v1/consultations/" + lab + "/proposals")
                .as("anna")
                .json("{\"title\": \"Mein Pilot\", \"text\": \"x\", \"displayName\": \"A\"}")
                .send()
                .status())
        .isEqualTo(409);
    for (String bad : List.of("{\"stars\": 0}", "{\"stars\": 6}", "{\"stars\": \"viele\"}", "{}")) {
      Response refused =
          client.put("/api/v1/proposals/" + sensors + "/rating").as("ben").json(bad).send();
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.isProblem()).as(bad).isTrue();
    }

    move(lab, "CLOSED");
    assertThat(
            client
                .put("/api/v1/proposals/" + sensors + "/rating")
                .as("ben")
                .json("{\"stars\": 1}")
                .send()
                .status())
        .as("ratings are frozen once the lab closed")
        .isEqualTo(409);
    answer(
            lights,
            "ada",
            "{\"status\": \"IMPLEMENTED\", \"reasoning\": \"Im ganzen Stadtgebiet.\"}")
        .expect(200);
    move(lab, "RESULTS_PUBLISHED");

    JsonNode results = results(lab);
    assertThat(results.path("proposalCount").asInt()).isEqualTo(2);
    JsonNode all = results.path("ratings");
    assertThat(all.path("ratings").asInt()).isEqualTo(3);
    assertThat(all.path("average").asDouble())
        .isCloseTo(10.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(all.path("distribution").path("5").asInt()).isEqualTo(1);
    assertThat(all.path("distribution").path("3").asInt()).isEqualTo(1);
    assertThat(all.path("distribution").path("2").asInt()).isEqualTo(1);
    assertThat(all.path("distribution").path("1").asInt()).isZero();
    for (JsonNode result : results.path("proposals")) {
      if (result.path("id").asText().equals(sensors)) {
        assertThat(result.path("rating").path("average").asDouble()).isEqualTo(3.5);
        assertThat(result.path("commentCount").asInt()).isEqualTo(1);
      } else {
        assertThat(result.path("answer").path("status").asText()).isEqualTo("IMPLEMENTED");
      }
    }
    assertThat(results.path("answeredShare").asDouble()).isEqualTo(0.5);
  }

  @Test
  void theCityAnswersAProposalAndEveryUpdateStaysAsAPublicDatedEntry() {
    String consultation = opened("IDEAS", "");
    String proposal = proposedBy(consultation);
    JsonNode before = client.get("/api/v1/proposals/" + proposal).expect(200);
    assertThat(before.has("answer")).isFalse();
    assertThat(before.path("answerHistory").size()).isZero();
    assertThat(before.path("answerDue").isNull()).isTrue();
    assertThat(before.path("answerOverdue").asBoolean()).isFalse();

    JsonNode answered =
        answer(proposal, "ada", "{\"status\": \"ACCEPTED\", \"reasoning\": \"Wird geprüft.\"}")
            .expect(200)
            .json();
    assertThat(answered.path("answer").path("status").asText()).isEqualTo("ACCEPTED");
    answer(proposal, "ada", "{\"status\": \"ACCEPTED\", \"reasoning\": \"Wird geprüft.\"}")
        .expect(200);
    answer(
            proposal,
            "ada",
            "{\"status\": \"IN_IMPLEMENTATION\", \"reasoning\": \"Der Radweg ist beauftragt.\"}")
        .expect(200);

    JsonNode read = client.get("/api/v1/proposals/" + proposal).expect(200);
    assertThat(read.path("answer").path("status").asText()).isEqualTo("IN_IMPLEMENTATION");
    assertThat(read.path("answer").path("reasoning").asText())
        .isEqualTo("Der Radweg ist beauftragt.");
    JsonNode history = read.path("answerHistory");
    assertThat(history.size()).as("a repeat of the answer in force records nothing").isEqualTo(2);
    assertThat(history.get(0).path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(Instant.parse(history.get(0).path("at").asText()))
        .isBeforeOrEqualTo(Instant.parse(history.get(1).path("at").asText()));

    JsonNode results = results(consultation);
    assertThat(results.path("proposalCount").asInt()).isEqualTo(1);
    assertThat(results.path("answered").asInt()).isEqualTo(1);
    assertThat(results.path("answeredShare").asDouble()).isEqualTo(1.0);
    assertThat(results.path("answeredInTimeShare").isNull()).isTrue();
    assertThat(results.path("published").asBoolean()).isFalse();
    assertThat(results.path("proposals").get(0).path("answer").path("status").asText())
        .isEqualTo("IN_IMPLEMENTATION");
  }

  private String proposedBy(String consultation) {
    return proposed(consultation, "anna", "Radweg Neckarufer");
  }

  @Test
  void onlyAnAdministratorAnswersForTheCity() {
    String consultation = opened("IDEAS", "");
    String proposal = proposedBy(consultation);
    String body = "{\"status\": \"REJECTED\", \"reasoning\": \"Kein Platz.\"}";
    assertThat(client.post("/api/v1/proposals/" + proposal + "/answer").json(body).send().status())
        .isEqualTo(401);
    for (String user : List.of("anna", "ben", "clara", "mona", "udo", "otto")) {
      Response refused = answer(proposal, user, body);
      assertThat(refused.status()).as(user).isEqualTo(403);
      assertThat(refused.isProblem()).as(user).isTrue();
    }
    assertThat(client.get("/api/v1/proposals/" + proposal).expect(200).has("answer")).isFalse();
  }

  @Test
  void badInputToAnAnswerIsAProblemAndChangesNothing() {
    String consultation = opened("IDEAS", "");
    String proposal = proposedBy(consultation);
    List<String> bad =
        List.of(
            "{\"status\": \"MAYBE\", \"reasoning\": \"x\"}",
            "{\"status\": \"ACCEPTED\"}",
            "{\"status\": \"ACCEPTED\", \"reasoning\": \"  \"}",
            "{\"reasoning\": \"x\"}",
            "{\"status\": \"ACCEPTED\", \"reasoning\": \"" + "x".repeat(10_001) + "\"}",
            "{\"status\": \"ACCEPTED\", \"reasoning\": \"x\", \"by\": \"ada\"}",
            "{\"status\": [\"ACCEPTED\"], \"reasoning\": \"x\"}",
            "[]",
            "{\"status\":");
    for (String body : bad) {
      Response refused = answer(proposal, "ada", body);
      assertThat(refused.status()).as(body).isEqualTo(400);
      assertThat(refused.isProblem()).as(body).isTrue();
    }
    String ok = "{\"status\": \"ACCEPTED\", \"reasoning\": \"Gut.\"}";
    for (String unknown :
        List.of(
            "proposal-" + UUID.randomUUID(), "proposal-x", consultation, "HN-2026-000001", "x")) {
      Response missing = answer(unknown, "ada", ok);
      assertThat(missing.status()).as(unknown).isEqualTo(404);
      assertThat(missing.isProblem()).as(unknown).isTrue();
    }
    assertThat(client.get("/api/v1/proposals/" + proposal).expect(200).path("answerHistory").size())
        .isZero();
  }

  @Test
  void theResultsOfADraftAreUnknownToAllButAdministrators() {
    String draft =
        client
            .post("/api/v1/consultations")
            .as("ada")
            .json(consultation("IDEAS", ""))
            .expect(201)
            .path("id")
            .asText();
    assertThat(client.get("/api/v1/consultations/" + draft + "/results").send().status())
        .isEqualTo(404);
    assertThat(client.get("/api/v1/consultations/" + draft + "/results").as("anna").send().status())
        .isEqualTo(404);
    JsonNode preview =
        client.get("/api/v1/consultations/" + draft + "/results").as("ada").expect(200);
    assertThat(preview.path("proposalCount").asInt()).isZero();
    assertThat(preview.path("answeredShare").isNull()).isTrue();
    for (String unknown : List.of("consultation-" + UUID.randomUUID(), "consultation-x", "x")) {
      Response missing = client.get("/api/v1/consultations/" + unknown + "/results").send();
      assertThat(missing.status()).as(unknown).isEqualTo(404);
      assertThat(missing.isProblem()).as(unknown).isTrue();
    }
  }

  @Test
  void publishedResultsSayTheyAreFinal() {
    String consultation = opened("IDEAS", "");
    proposedBy(consultation);
    move(consultation, "CLOSED");
    assertThat(results(consultation).path("published").asBoolean()).isFalse();
    move(consultation, "RESULTS_PUBLISHED");
    JsonNode results = results(consultation);
    assertThat(results.path("published").asBoolean()).isTrue();
    assertThat(results.path("phase").asText()).isEqualTo("RESULTS_PUBLISHED");
    assertThat(results.path("answeredShare").asDouble()).isZero();
  }

  @Test
  void aCitizensProposalsAreInTheirOwnExportAndInNoOneElses() {
    String consultation = opened("IDEAS", "");
    String proposal = proposed(consultation, "anna", "Radweg Sontheim");
    JsonNode annas = client.get("/api/v1/privacy/me").as("anna").expect(200);
    JsonNode held = null;
    for (JsonNode p : annas.path("proposals")) {
      if (p.path("id").asText().equals(proposal)) {
        held = p;
      }
    }
    assertThat(held).as("anna's export holds her proposal").isNotNull();
    assertThat(held.path("title").asText()).isEqualTo("Radweg Sontheim");
    assertThat(held.path("displayName").asText()).isEqualTo("anna");
    JsonNode bens = client.get("/api/v1/privacy/me").as("ben").expect(200);
    assertThat(bens.path("proposals").findValuesAsText("id")).doesNotContain(proposal);
  }

  @Test
  void aCitizensCommentsAreInTheirOwnExportAlsoWhenHiddenAndInNoOneElses() {
    String consultation = opened("IDEAS", "");
    String proposal = proposed(consultation, "anna", "Radweg Böckingen");
    String question = comment(proposal, "ben", "Über die Brücke?", null);
    String hidden = comment(proposal, "ben", "Nur für Radler, typisch.", null);
    comment(proposal, "anna", "Ja, über die Brücke.", question);
    client
        .post("/api/v1/proposals/" + proposal + "/moderation")
        .as("mona")
        .json(
            "{\"action\": \"HIDE\", \"reason\": \"Off-topic\", \"commentId\": \"%s\"}"
                .formatted(hidden))
        .expect(200);

    JsonNode bens = client.get("/api/v1/privacy/me").as("ben").expect(200).path("comments");
    assertThat(bens.findValuesAsText("id")).contains(question, hidden);
    for (JsonNode held : bens) {
      if (held.path("id").asText().equals(hidden)) {
        assertThat(held.path("text").asText()).isEqualTo("Nur für Radler, typisch.");
        assertThat(held.path("hidden").asBoolean()).isTrue();
        assertThat(held.path("proposalId").asText()).isEqualTo(proposal);
      }
    }
    JsonNode annas = client.get("/api/v1/privacy/me").as("anna").expect(200).path("comments");
    assertThat(annas.findValuesAsText("id")).doesNotContain(question, hidden);
    assertThat(annas.toString()).doesNotContain("Über die Brücke?", "typisch");
    assertThat(annas.findValuesAsText("parentId")).contains(question);
  }
}
