package de.rathaus.api.participation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.TestClient;
import de.rathaus.api.TestClient.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Proposals over HTTP on the running engine (one engine for the class): citizens propose in an open
 * ideas consultation and edit their own until voting starts; everyone reads them, newest first,
 * never with the author's account; every refusal and every bad input is a problem.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProposalsIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
    registry.add("rathaus.participation.phase-check-interval", () -> "PT1H");
  }

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @LocalServerPort int port;
  @Autowired EventStore events;
  private TestClient client;

  @BeforeEach
  void client() {
    client = new TestClient(port).withHeader("Accept-Language", "en");
  }

  private static String consultation(String format, boolean voting) {
    Instant opens = NOW.plus(Duration.ofDays(1));
    Instant closes = NOW.plus(Duration.ofDays(30));
    return """
        {"title": {"de": "Plätze in der Innenstadt", "en": "Squares downtown"},
         "description": {"de": "Was fehlt?", "en": "What is missing?"},
         "actionField": "mobilitaet", "sustainabilityGoals": [11], "format": "%s",
         "opensAt": "%s", "closesAt": "%s"%s}
        """
        .formatted(
            format,
            opens,
            closes,
            voting ? ", \"votingEndsAt\": \"" + closes.plus(Duration.ofDays(10)) + "\"" : "");
  }

  private String draft(String format, boolean voting) {
    return client
        .post("/api/v1/consultations")
        .as("ada")
        .json(consultation(format, voting))
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

  private static String proposal(String title, String text, String displayName) {
    return """
        {"title": "%s", "text": "%s", "displayName": "%s",
         "location": {"lat": 49.142, "lon": 9.219, "address": "Kiliansplatz 1"}}
        """
        .formatted(title, text, displayName);
  }

  private Response propose(String consultation, String user, String body) {
    return client
        .post("/api/v1/consultations/" + consultation + "/proposals")
        .as(user)
        .json(body)
        .send();
  }

  private String proposed(String consultation, String user, String title) {
    return propose(consultation, user, proposal(title, "Text zu " + title, "Anna B."))
        .expect(201)
        .json()
        .path("id")
        .asText();
  }

  private Response edit(String proposal, String user, String body) {
    return client.put("/api/v1/proposals/" + proposal).as(user).json(body).send();
  }

  // --- the whole course

  @Test
  void citizensProposeInAnOpenIdeasConsultationAndAuthorsEditUntilVotingStarts() {
    String consultation = draft("IDEAS", true);
    // a draft is unknown to everyone but administrators
    assertThat(propose(consultation, "anna", proposal("Bänke", "Mehr Bänke", "Anna")).status())
        .isEqualTo(404);
    assertThat(client.get("/api/v1/consultations/" + consultation + "/proposals").send().status())
        .isEqualTo(404);
    assertThat(
            client
                .get("/api/v1/consultations/" + consultation + "/proposals")
                .as("ada")
                .expect(200)
                .path("items")
                .size())
        .isZero();
    move(consultation, "OPEN");

    Response created =
        propose(consultation, "anna", proposal("Bänke", "Mehr Bänke am Platz", "Anna B."))
            .expect(201);
    JsonNode first = created.json();
    String id = first.path("id").asText();
    assertThat(id).startsWith("proposal-");
    assertThat(created.header("Location")).hasValue("/api/v1/proposals/" + id);
    assertThat(first.path("consultationId").asText()).isEqualTo(consultation);
    assertThat(first.path("title").asText()).isEqualTo("Bänke");
    assertThat(first.path("text").asText()).isEqualTo("Mehr Bänke am Platz");
    assertThat(first.path("displayName").asText()).isEqualTo("Anna B.");
    assertThat(first.path("mine").asBoolean()).isTrue();
    assertThat(first.path("edited").asBoolean()).isFalse();
    assertThat(first.path("editedAt").isNull()).isTrue();
    assertThat(first.path("location").path("address").asText()).isEqualTo("Kiliansplatz 1");
    assertThat(Instant.parse(first.path("createdAt").asText())).isAfterOrEqualTo(NOW);

    // the public: the coordinates, never the address nor the author's account
    JsonNode public1 = client.get("/api/v1/proposals/" + id).expect(200);
    assertThat(public1.path("mine").asBoolean()).isFalse();
    assertThat(public1.path("location").path("lat").asDouble()).isEqualTo(49.142);
    assertThat(public1.path("location").has("address")).isFalse();
    assertThat(public1.toString()).doesNotContain("\"anna\"", "author");
    assertThat(client.get("/api/v1/proposals/" + id).as("ben").expect(200).path("mine").asBoolean())
        .isFalse();

    // newest first, paged
    List<String> newestFirst = new ArrayList<>(List.of(id));
    for (String title : List.of("Bäume", "Brunnen", "Radbügel")) {
      newestFirst.add(0, proposed(consultation, title.equals("Brunnen") ? "ben" : "anna", title));
    }
    List<String> seen = new ArrayList<>();
    String next = "/api/v1/consultations/" + consultation + "/proposals?sort=newest&size=3";
    while (next != null) {
      JsonNode page = client.get(next).expect(200);
      seen.addAll(page.path("items").findValuesAsText("id"));
      assertThat(page.toString()).doesNotContain("\"anna\"", "\"ben\"", "Kiliansplatz");
      next = page.path("next").isNull() ? null : page.path("next").asText();
    }
    assertThat(seen).containsExactlyElementsOf(newestFirst);
    JsonNode annasPage =
        client.get("/api/v1/consultations/" + consultation + "/proposals").as("anna").expect(200);
    assertThat(annasPage.path("items").findValuesAsText("mine"))
        .containsExactly("true", "false", "true", "true");

    // the author edits: an event, shown as edited; an unchanged edit records nothing
    String revised = proposal("Bänke im Schatten", "Unter den Bäumen am Platz", "Anna B.");
    JsonNode edited = edit(id, "anna", revised).expect(200).json();
    assertThat(edited.path("title").asText()).isEqualTo("Bänke im Schatten");
    assertThat(edited.path("edited").asBoolean()).isTrue();
    String editedAt = edited.path("editedAt").asText();
    assertThat(Instant.parse(editedAt)).isAfterOrEqualTo(NOW);
    JsonNode seenByAll = client.get("/api/v1/proposals/" + id).expect(200);
    assertThat(seenByAll.path("edited").asBoolean()).isTrue();
    assertThat(seenByAll.path("text").asText()).isEqualTo("Unter den Bäumen am Platz");
    assertThat(edit(id, "anna", revised).expect(200).json().path("editedAt").asText())
        .as("an unchanged edit records nothing")
        .isEqualTo(editedAt);
    assertThat(
            events
                .readEvents(id)
                .asStream()
                .map(event -> event.getPayloadType().getSimpleName())
                .toList())
        .containsExactly("ProposalSubmitted", "ProposalEdited");

    // another citizen's proposal does not exist for their edit; other roles are refused
    Response bens = edit(id, "ben", proposal("Meins", "Jetzt meins", "Ben"));
    assertThat(bens.status()).isEqualTo(404);
    assertThat(bens.isProblem()).isTrue();
    assertThat(client.put("/api/v1/proposals/" + id).json(revised).send().status()).isEqualTo(401);
    for (String user : List.of("clara", "mona", "udo", "ada")) {
      assertThat(edit(id, user, revised).status()).as(user).isEqualTo(403);
    }
    for (String user : List.of("clara", "mona", "udo")) {
      assertThat(propose(consultation, user, revised).status()).as(user).isEqualTo(403);
    }
    // an administrator puts up items, in a feedback consultation only (supports helper)
    assertThat(propose(consultation, "ada", revised).json().path("code").asText())
        .isEqualTo("NOT_A_FEEDBACK_CONSULTATION");
    assertThat(client.get("/api/v1/proposals/" + id).expect(200).path("title").asText())
        .isEqualTo("Bänke im Schatten");

    // voting: no more edits, no more proposals
    move(consultation, "VOTING");
    Response late = edit(id, "anna", proposal("Spät", "Zu spät", "Anna B."));
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.isProblem()).isTrue();
    assertThat(late.json().path("code").asText()).isEqualTo("EDITS_ENDED");
    Response tooLate = propose(consultation, "anna", proposal("Spät", "Zu spät", "Anna"));
    assertThat(tooLate.status()).isEqualTo(409);
    assertThat(tooLate.json().path("code").asText()).isEqualTo("CONSULTATION_NOT_OPEN");
    assertThat(client.get("/api/v1/proposals/" + id).expect(200).path("title").asText())
        .isEqualTo("Bänke im Schatten");

    // closed: the proposals stay readable
    move(consultation, "CLOSED");
    assertThat(propose(consultation, "ben", revised).json().path("code").asText())
        .isEqualTo("CONSULTATION_NOT_OPEN");
    assertThat(
            client
                .get("/api/v1/consultations/" + consultation + "/proposals")
                .expect(200)
                .path("items")
                .size())
        .isEqualTo(4);
  }

  @Test
  void aFeedbackConsultationTakesNoProposals() {
    String feedback = move(draft("FEEDBACK", false), "OPEN");
    Response refused = propose(feedback, "anna", proposal("Idee", "Eine Idee", "Anna"));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.isProblem()).isTrue();
    assertThat(refused.json().path("code").asText()).isEqualTo("NOT_AN_IDEAS_CONSULTATION");
    assertThat(refused.json().path("detail").asText()).contains("IDEAS");
  }

  @Test
  void unknownConsultationsAndProposalsAreNotFound() {
    for (String unknown :
        List.of("consultation-" + UUID.randomUUID(), "radwege", UUID.randomUUID().toString())) {
      Response listed = client.get("/api/v1/consultations/" + unknown + "/proposals").send();
      assertThat(listed.status()).as(unknown).isEqualTo(404);
      assertThat(listed.isProblem()).isTrue();
      assertThat(propose(unknown, "anna", proposal("A", "B", "C")).status())
          .as(unknown)
          .isEqualTo(404);
    }
    for (String unknown :
        List.of("proposal-" + UUID.randomUUID(), "bank", UUID.randomUUID().toString())) {
      Response read = client.get("/api/v1/proposals/" + unknown).send();
      assertThat(read.status()).as(unknown).isEqualTo(404);
      assertThat(read.isProblem()).isTrue();
      assertThat(edit(unknown, "anna", proposal("A", "B", "C")).status())
          .as(unknown)
          .isEqualTo(404);
    }
  }

  @Test
  void anIdempotencyKeyMakesOneProposal() {
    String consultation = move(draft("IDEAS", false), "OPEN");
    String body = proposal("Wasserspender", "Am Bahnhof", "Anna");
    String key = "vorschlag-" + UUID.randomUUID();
    Response first =
        client
            .post("/api/v1/consultations/" + consultation + "/proposals")
            .as("anna")
            .header("Idempotency-Key", key)
            .json(body)
            .send()
            .expect(201);
    Response again =
        client
            .post("/api/v1/consultations/" + consultation + "/proposals")
            .as("anna")
            .header("Idempotency-Key", key)
            .json(body)
            .send()
            .expect(201);
    assertThat(again.json().path("id")).isEqualTo(first.json().path("id"));
    assertThat(again.header("Idempotent-Replayed")).hasValue("true");
    assertThat(again.json().path("title").asText()).isEqualTo("Wasserspender");
    Response other =
        client
            .post("/api/v1/consultations/" + consultation + "/proposals")
            .as("anna")
            .header("Idempotency-Key", key)
            .json(proposal("Anderes", "Anders", "Anna"))
            .send();
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.isProblem()).isTrue();
    assertThat(
            client
                .get("/api/v1/consultations/" + consultation + "/proposals")
                .expect(200)
                .path("items")
                .size())
        .isEqualTo(1);
  }

  @Test
  void badInputOnEveryEndpointIsAProblem() {
    String consultation = move(draft("IDEAS", false), "OPEN");
    String id = proposed(consultation, "anna", "Gut");
    String ok = proposal("Titel", "Text", "Anna");
    List<String> bad =
        List.of(
            proposal("", "Text", "Anna"),
            proposal("   ", "Text", "Anna"),
            proposal("T".repeat(201), "Text", "Anna"),
            proposal("Titel", "", "Anna"),
            proposal("Titel", "x".repeat(10_001), "Anna"),
            proposal("Titel", "Text", ""),
            proposal("Titel", "Text", "N".repeat(101)),
            "{\"title\": \"Titel\", \"text\": \"Text\"}",
            ok.replace("49.142", "91"),
            ok.replace("9.219", "-181"),
            ok.replace("\"lat\": 49.142,", ""),
            ok.replace("49.142", "\"nord\""),
            ok.replace("\"address\"", "\"street\""),
            ok.replace("\"title\"", "\"author\": \"anna\", \"title\""),
            ok.replace("\"Titel\"", "[\"Titel\"]"),
            "[]",
            "{\"title\":");
    for (String body : bad) {
      Response submitted = propose(consultation, "anna", body);
      assertThat(submitted.status()).as(body).isEqualTo(400);
      assertThat(submitted.isProblem()).as(body).isTrue();
      Response edited = edit(id, "anna", body);
      assertThat(edited.status()).as(body).isEqualTo(400);
      assertThat(edited.isProblem()).as(body).isTrue();
    }
    Response blank = propose(consultation, "anna", proposal("", "Text", "Anna"));
    assertThat(blank.json().path("errors").findValuesAsText("field")).contains("title");

    for (String query :
        // sort=supports is an order since the supports came (supports helper): votes is not
        List.of("?sort=votes", "?sort=alt", "?size=0", "?size=501", "?cursor=!!")) {
      Response listed =
          client.get("/api/v1/consultations/" + consultation + "/proposals" + query).send();
      assertThat(listed.status()).as(query).isEqualTo(400);
      assertThat(listed.isProblem()).as(query).isTrue();
    }
    assertThat(
            client
                .get("/api/v1/consultations/" + consultation + "/proposals?sort=votes")
                .send()
                .json()
                .path("errors")
                .get(0)
                .path("message")
                .asText())
        .contains("newest", "supports");
    assertThat(
            client
                .get("/api/v1/consultations/" + consultation + "/proposals?sort=NEWEST")
                .expect(200)
                .path("items")
                .size())
        .isEqualTo(1);
    assertThat(client.get("/api/v1/proposals/" + id).expect(200).path("title").asText())
        .isEqualTo("Gut");
  }
}
