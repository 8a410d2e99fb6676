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
 * Comments, replies and moderation over HTTP on the running engine (one engine for the class):
 * citizens comment and reply one level deep while the consultation takes comments; moderators and
 * administrators hide and restore proposals and comments with a public reason; hidden content
 * leaves every public read; the public moderation log says what kind of content, when, why and by
 * which role, never the text nor the moderator; every refusal and every bad input is a problem.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommentsIT {

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

  // --- making what the tests act on

  private String draft() {
    Instant opens = NOW.plus(Duration.ofDays(1));
    Instant closes = NOW.plus(Duration.ofDays(30));
    return client
        .post("/api/v1/consultations")
        .as("ada")
        .json(
            """
            {"title": {"de": "Plätze", "en": "Squares"},
             "description": {"de": "Was fehlt?", "en": "What is missing?"},
             "actionField": "mobilitaet", "format": "IDEAS",
             "opensAt": "%s", "closesAt": "%s", "votingEndsAt": "%s"}
            """
                .formatted(opens, closes, closes.plus(Duration.ofDays(10))))
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

  private String propose(String consultation) {
    return client
        .post("/api/v1/consultations/" + consultation + "/proposals")
        .as("anna")
        .json("{\"title\": \"Bänke\", \"text\": \"Mehr Bänke\", \"displayName\": \"Anna B.\"}")
        .expect(201)
        .path("id")
        .asText();
  }

  private static String comment(String text, String name, String parent) {
    return parent == null
        ? "{\"text\": \"%s\", \"displayName\": \"%s\"}".formatted(text, name)
        : "{\"text\": \"%s\", \"displayName\": \"%s\", \"parentId\": \"%s\"}"
            .formatted(text, name, parent);
  }

  private Response post(String proposal, String user, String body) {
    return client.post("/api/v1/proposals/" + proposal + "/comments").as(user).json(body).send();
  }

  private String commented(String proposal, String user, String text, String parent) {
    return post(proposal, user, comment(text, user, parent)).expect(201).json().path("id").asText();
  }

  private Response moderate(String proposal, String user, String body) {
    return client.post("/api/v1/proposals/" + proposal + "/moderation").as(user).json(body).send();
  }

  private static String hide(String commentId, String reason) {
    return commentId == null
        ? "{\"action\": \"HIDE\", \"reason\": \"%s\"}".formatted(reason)
        : "{\"action\": \"HIDE\", \"reason\": \"%s\", \"commentId\": \"%s\"}"
            .formatted(reason, commentId);
  }

  private static String restore(String commentId, String reason) {
    return hide(commentId, reason).replace("HIDE", "RESTORE");
  }

  private JsonNode read(String proposal, String user) {
    TestClient.Call call = client.get("/api/v1/proposals/" + proposal);
    return (user == null ? call : call.as(user)).expect(200);
  }

  private JsonNode log(String consultation) {
    return client.get("/api/v1/consultations/" + consultation + "/moderation-log").expect(200);
  }

  private static void assertRefused(Response answer, int status, String code) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.isProblem()).isTrue();
    assertThat(answer.json().path("code").asText()).isEqualTo(code);
  }

  // --- comments and replies

  @Test
  void citizensCommentAndReplyOneLevelDeepUnderTheNameTheyChose() {
    String consultation = move(draft(), "OPEN");
    String proposal = propose(consultation);

    Response created = post(proposal, "ben", comment("Gute Idee", "Ben K.", null)).expect(201);
    JsonNode bens = created.json();
    String top = bens.path("id").asText();
    assertThat(created.header("Location")).hasValue("/api/v1/proposals/" + proposal + "#" + top);
    assertThat(top).startsWith("comment-");
    assertThat(bens.path("parentId").isNull()).isTrue();
    assertThat(bens.path("text").asText()).isEqualTo("Gute Idee");
    assertThat(bens.path("displayName").asText()).isEqualTo("Ben K.");
    assertThat(bens.path("mine").asBoolean()).isTrue();
    assertThat(Instant.parse(bens.path("createdAt").asText())).isAfterOrEqualTo(NOW);

    JsonNode annas = post(proposal, "anna", comment("Danke", "Anna B.", top)).expect(201).json();
    assertThat(annas.path("parentId").asText()).isEqualTo(top);

    JsonNode seenByBen = read(proposal, "ben");
    assertThat(seenByBen.path("commentCount").asInt()).isEqualTo(2);
    assertThat(seenByBen.path("comments").findValuesAsText("id"))
        .containsExactly(top, annas.path("id").asText());
    assertThat(seenByBen.path("comments").findValuesAsText("mine"))
        .containsExactly("true", "false");
    assertThat(read(proposal, "anna").path("comments").findValuesAsText("mine"))
        .containsExactly("false", "true");
    JsonNode seenByAll = read(proposal, null);
    assertThat(seenByAll.path("comments").findValuesAsText("mine"))
        .containsExactly("false", "false");
    assertThat(seenByAll.toString()).doesNotContain("\"ben\"", "\"anna\"", "author");

    // the list counts them and leaves them to the proposal's own read
    JsonNode listed =
        client.get("/api/v1/consultations/" + consultation + "/proposals").expect(200);
    assertThat(listed.path("items").get(0).path("commentCount").asInt()).isEqualTo(2);
    assertThat(listed.path("items").get(0).has("comments")).isFalse();

    // one level deep, and only to a comment of this proposal
    Response deeper =
        post(proposal, "ben", comment("Noch tiefer", "Ben", annas.path("id").asText()));
    assertRefused(deeper, 422, "REPLY_TO_REPLY");
    assertThat(deeper.json().path("errors").get(0).path("field").asText()).isEqualTo("parentId");
    assertRefused(
        post(proposal, "ben", comment("Wohin?", "Ben", "comment-" + UUID.randomUUID())),
        422,
        "UNKNOWN_PARENT");
    assertRefused(
        post(proposal, "ben", comment("Wohin?", "Ben", "nummer-1")), 422, "UNKNOWN_PARENT");
    String other = propose(consultation);
    assertRefused(post(other, "ben", comment("Quer", "Ben", top)), 422, "UNKNOWN_PARENT");
    assertThat(read(proposal, null).path("commentCount").asInt()).isEqualTo(2);

    assertThat(
            events
                .readEvents(proposal)
                .asStream()
                .map(event -> event.getPayloadType().getSimpleName())
                .toList())
        .containsExactly("ProposalSubmitted", "CommentPosted", "CommentPosted");
  }

  @Test
  void commentsAreTakenInOpenAndVotingButNotOnceClosed() {
    String consultation = move(draft(), "OPEN");
    String proposal = propose(consultation);
    move(consultation, "VOTING");
    commented(proposal, "ben", "Im Voting", null);
    move(consultation, "CLOSED");
    Response closed = post(proposal, "ben", comment("Zu spät", "Ben", null));
    assertRefused(closed, 409, "COMMENTS_CLOSED");
    assertThat(closed.json().path("detail").asText()).contains("IDEAS");
    assertThat(read(proposal, null).path("commentCount").asInt()).isEqualTo(1);
  }

  @Test
  void anIdempotencyKeyMakesARepeatedCommentOne() {
    String proposal = propose(move(draft(), "OPEN"));
    String body = comment("Einmal", "Ben", null);
    String key = "comment-" + UUID.randomUUID();
    Response first =
        client
            .post("/api/v1/proposals/" + proposal + "/comments")
            .as("ben")
            .header("Idempotency-Key", key)
            .json(body)
            .send()
            .expect(201);
    Response again =
        client
            .post("/api/v1/proposals/" + proposal + "/comments")
            .as("ben")
            .header("Idempotency-Key", key)
            .json(body)
            .send()
            .expect(201);
    assertThat(again.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
    assertThat(again.header("Idempotent-Replayed")).hasValue("true");
    assertThat(read(proposal, null).path("commentCount").asInt()).isEqualTo(1);
  }

  @Test
  void badCommentsAreProblemsAndRecordNothing() {
    String proposal = propose(move(draft(), "OPEN"));
    for (String bad :
        List.of(
            "{\"displayName\": \"Ben\"}",
            "{\"text\": \"Hallo\"}",
            "{\"text\": \" \", \"displayName\": \"Ben\"}",
            "{\"text\": \"Hallo\", \"displayName\": \"\"}",
            "{\"text\": \"" + "x".repeat(5_001) + "\", \"displayName\": \"Ben\"}",
            "{\"text\": \"Hallo\", \"displayName\": \"" + "x".repeat(101) + "\"}",
            "{\"text\": \"Hallo\", \"displayName\": \"Ben\", \"author\": \"ben\"}",
            "{\"text\": 5, \"displayName\": {}}",
            "{\"text\": ",
            "[]")) {
      Response refused = post(proposal, "ben", bad);
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.isProblem()).as(bad).isTrue();
    }
    for (String unknown :
        List.of("proposal-" + UUID.randomUUID(), "bank", UUID.randomUUID().toString())) {
      Response missing = post(unknown, "ben", comment("Hallo", "Ben", null));
      assertThat(missing.status()).as(unknown).isEqualTo(404);
      assertThat(missing.isProblem()).isTrue();
    }
    assertThat(read(proposal, null).path("commentCount").asInt()).isZero();
  }

  // --- moderation

  @Test
  void aHiddenCommentAndItsRepliesLeaveThePublicReadUntilRestored() {
    String consultation = move(draft(), "OPEN");
    String proposal = propose(consultation);
    String rude = commented(proposal, "ben", "Kanari Beleidigung", null);
    String reply = commented(proposal, "anna", "Kanari Antwort", rude);
    String kind = commented(proposal, "anna", "Freundlich", null);

    JsonNode after = moderate(proposal, "mona", hide(rude, "Beleidigend")).expect(200).json();
    assertThat(after.path("comments").findValuesAsText("id")).containsExactly(kind);
    assertThat(after.path("commentCount").asInt()).isEqualTo(1);
    for (String user : new String[] {null, "ben", "anna", "mona"}) {
      JsonNode seen = read(proposal, user);
      assertThat(seen.path("comments").findValuesAsText("id")).as("%s", user).containsExactly(kind);
      assertThat(seen.toString()).doesNotContain("Kanari");
    }
    assertRefused(post(proposal, "ben", comment("Doch", "Ben", rude)), 409, "COMMENT_HIDDEN");
    assertRefused(moderate(proposal, "ada", hide(rude, "Nochmal")), 409, "ALREADY_HIDDEN");
    assertRefused(moderate(proposal, "ada", restore(kind, "Wieso")), 409, "NOT_HIDDEN");

    moderate(proposal, "ada", restore(rude, "Nach Prüfung zulässig")).expect(200);
    assertThat(read(proposal, null).path("comments").findValuesAsText("id"))
        .containsExactly(rude, reply, kind);
    assertRefused(moderate(proposal, "mona", restore(rude, "Nochmal")), 409, "NOT_HIDDEN");

    // the log: newest first, kind, action, reason, role; never the text nor the moderator
    JsonNode log = log(consultation);
    JsonNode items = log.path("items");
    assertThat(items.findValuesAsText("action")).containsExactly("RESTORED", "HIDDEN");
    assertThat(items.findValuesAsText("kind")).containsExactly("COMMENT", "COMMENT");
    assertThat(items.findValuesAsText("role")).containsExactly("ADMIN", "MODERATOR");
    assertThat(items.findValuesAsText("reason"))
        .containsExactly("Nach Prüfung zulässig", "Beleidigend");
    assertThat(items.get(1).path("proposalId").asText()).isEqualTo(proposal);
    assertThat(items.get(1).path("commentId").asText()).isEqualTo(rude);
    assertThat(Instant.parse(items.get(1).path("at").asText())).isAfterOrEqualTo(NOW);
    assertThat(log.path("next").isNull()).isTrue();
    assertThat(log.toString()).doesNotContain("Kanari", "mona", "\"ada\"", "ben", "anna");
    // everything stays in the history, the moderator in the event's metadata (for auditors)
    List<? extends org.axonframework.eventhandling.DomainEventMessage<?>> history =
        events.readEvents(proposal).asStream().toList();
    assertThat(history.stream().map(e -> e.getPayloadType().getSimpleName()).toList())
        .containsExactly(
            "ProposalSubmitted",
            "CommentPosted",
            "CommentPosted",
            "CommentPosted",
            "CommentHidden",
            "CommentRestored");
    assertThat(history.get(4).getMetaData())
        .containsEntry("actorId", "mona")
        .containsEntry("actorRole", "MODERATOR");
  }

  @Test
  void aHiddenProposalIsAStubToThePublicAndWholeToItsAuthor() {
    String consultation = move(draft(), "OPEN");
    String proposal = propose(consultation);
    String visible = propose(consultation);
    commented(proposal, "ben", "Vorher", null);

    JsonNode stub = moderate(proposal, "ada", hide(null, "Werbung")).expect(200).json();
    for (JsonNode seen : List.of(stub, read(proposal, null), read(proposal, "ben"))) {
      assertThat(seen.path("id").asText()).isEqualTo(proposal);
      assertThat(seen.path("consultationId").asText()).isEqualTo(consultation);
      assertThat(seen.path("hidden").asBoolean()).isTrue();
      assertThat(seen.path("moderation").path("reason").asText()).isEqualTo("Werbung");
      for (String field : List.of("title", "text", "displayName", "location")) {
        assertThat(seen.has(field)).as(field).isFalse();
      }
      assertThat(seen.path("comments").size()).isZero();
      assertThat(seen.toString()).doesNotContain("Bänke", "Anna B.", "Vorher");
    }
    JsonNode annas = read(proposal, "anna");
    assertThat(annas.path("hidden").asBoolean()).isTrue();
    assertThat(annas.path("title").asText()).isEqualTo("Bänke");
    assertThat(annas.path("moderation").path("reason").asText()).isEqualTo("Werbung");
    assertThat(
            client
                .get("/api/v1/consultations/" + consultation + "/proposals")
                .as("anna")
                .expect(200)
                .path("items")
                .findValuesAsText("id"))
        .containsExactly(visible);
    assertRefused(post(proposal, "ben", comment("Hallo", "Ben", null)), 409, "PROPOSAL_HIDDEN");
    assertRefused(moderate(proposal, "mona", hide(null, "Doppelt")), 409, "ALREADY_HIDDEN");

    JsonNode back = moderate(proposal, "mona", restore(null, "Irrtum")).expect(200).json();
    assertThat(back.path("hidden").asBoolean()).isFalse();
    assertThat(back.path("title").asText()).isEqualTo("Bänke");
    assertThat(back.has("moderation")).isFalse();
    assertThat(back.path("commentCount").asInt()).isEqualTo(1);
    assertThat(
            client
                .get("/api/v1/consultations/" + consultation + "/proposals")
                .expect(200)
                .path("items")
                .size())
        .isEqualTo(2);
    JsonNode items = log(consultation).path("items");
    assertThat(items.findValuesAsText("kind")).containsExactly("PROPOSAL", "PROPOSAL");
    assertThat(items.findValuesAsText("role")).containsExactly("MODERATOR", "ADMIN");
    assertThat(items.get(0).path("commentId").isNull()).isTrue();
  }

  @Test
  void badModerationsAreProblemsAndRecordNothing() {
    String consultation = move(draft(), "OPEN");
    String proposal = propose(consultation);
    commented(proposal, "ben", "Hallo", null);
    for (String bad :
        List.of(
            "{\"action\": \"HIDE\"}",
            "{\"action\": \"HIDE\", \"reason\": \"  \"}",
            "{\"reason\": \"Spam\"}",
            "{\"action\": \"DELETE\", \"reason\": \"Spam\"}",
            "{\"action\": \"HIDE\", \"reason\": \"" + "x".repeat(1_001) + "\"}",
            "{\"action\": \"HIDE\", \"reason\": \"Spam\", \"moderator\": \"mona\"}",
            "{\"action\": ",
            "\"HIDE\"")) {
      Response refused = moderate(proposal, "mona", bad);
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.isProblem()).as(bad).isTrue();
    }
    Response unknownComment =
        moderate(proposal, "mona", hide("comment-" + UUID.randomUUID(), "Spam"));
    assertRefused(unknownComment, 422, "UNKNOWN_COMMENT");
    assertThat(unknownComment.json().path("errors").get(0).path("field").asText())
        .isEqualTo("commentId");
    assertRefused(moderate(proposal, "mona", hide("nummer-1", "Spam")), 422, "UNKNOWN_COMMENT");
    for (String unknown : List.of("proposal-" + UUID.randomUUID(), "bank")) {
      Response missing = moderate(unknown, "mona", hide(null, "Spam"));
      assertThat(missing.status()).as(unknown).isEqualTo(404);
      assertThat(missing.isProblem()).isTrue();
    }
    assertThat(moderate(proposal, "mona", "{\"action\": \"hide\", \"reason\": \"klein\"}").status())
        .as("the action in any case")
        .isEqualTo(200);
    assertThat(log(consultation).path("items").size()).isEqualTo(1);
  }

  // --- the log

  @Test
  void theLogIsPagedAndADraftsLogIsOnlyForAdministrators() {
    String consultation = move(draft(), "OPEN");
    List<String> newestFirst = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String proposal = propose(consultation);
      moderate(proposal, "mona", hide(null, "Grund " + i)).expect(200);
      newestFirst.add(0, "Grund " + i);
    }
    List<String> seen = new ArrayList<>();
    String next = "/api/v1/consultations/" + consultation + "/moderation-log?size=2";
    int pages = 0;
    while (next != null) {
      JsonNode page = client.get(next).expect(200);
      seen.addAll(page.path("items").findValuesAsText("reason"));
      next = page.path("next").isNull() ? null : page.path("next").asText();
      pages++;
    }
    assertThat(seen).containsExactlyElementsOf(newestFirst);
    assertThat(pages).isEqualTo(2);

    String draft = draft();
    String path = "/api/v1/consultations/" + draft + "/moderation-log";
    assertThat(client.get(path).send().status()).isEqualTo(404);
    assertThat(client.get(path).as("mona").send().status()).isEqualTo(404);
    assertThat(client.get(path).as("ada").expect(200).path("items").size()).isZero();

    for (String unknown : List.of("consultation-" + UUID.randomUUID(), "radwege")) {
      Response missing = client.get("/api/v1/consultations/" + unknown + "/moderation-log").send();
      assertThat(missing.status()).as(unknown).isEqualTo(404);
      assertThat(missing.isProblem()).isTrue();
    }
    String log = "/api/v1/consultations/" + consultation + "/moderation-log";
    for (String bad : List.of("?size=0", "?size=501", "?size=viele", "?cursor=abc")) {
      Response refused = client.get(log + bad).send();
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.isProblem()).as(bad).isTrue();
    }
  }
}
