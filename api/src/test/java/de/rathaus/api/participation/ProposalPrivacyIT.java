package de.rathaus.api.participation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.RathausApplication;
import de.rathaus.api.TestClient;
import de.rathaus.api.privacy.DataFiles;
import de.rathaus.application.participation.ProposalProjection;
import de.rathaus.application.privacy.MissingKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a citizen writes in a proposal is personal data, with canary values (unique strings) fed
 * through submitting and editing:
 *
 * <ul>
 *   <li>no canary appears in plain text in any file of the data directory (events, read models,
 *       tokens, idempotency records, journal) nor in the logs, while the proposal's id (stored in
 *       plain by design) is found, so the search can find things;
 *   <li>after the author's erasure the proposal stays (id, consultation, dates, that it was edited)
 *       and its display name, title, text and address read {@code [erased]}, also after a rebuild
 *       of the proposals' read model; another citizen's proposal stays as it is.
 * </ul>
 */
@ExtendWith(OutputCaptureExtension.class)
class ProposalPrivacyIT {

  private static final String ERASED = "[erased]";

  @TempDir Path dataDir;
  private int port;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  private final String displayName = "Kanari Anzeigename " + run;
  private final String title = "Kanari Titel " + run;
  private final String text = "Kanari Vorschlagstext " + run;
  private final String address = "Kanari Platz " + run;
  private final String editedTitle = "Kanari Neuer Titel " + run;
  private final String editedText = "Kanari Neuer Text " + run;
  private final String bensTitle = "Kanari Bens Titel " + run;

  private List<String> canaries() {
    return List.of(displayName, title, text, address, editedTitle, editedText, bensTitle);
  }

  private ConfigurableApplicationContext start() {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(RathausApplication.class)
            .run(
                "--rathaus.data-dir=" + dataDir,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--logging.level.de.rathaus=DEBUG");
    port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return context;
  }

  private TestClient.Call call(String method, String path, String user) {
    return new TestClient(port).call(method, path).as(user);
  }

  private static String proposal(String title, String text, String name, String address) {
    return json(
        Map.of(
            "title",
            title,
            "text",
            text,
            "displayName",
            name,
            "location",
            Map.of("lat", 49.142, "lon", 9.219, "address", address)));
  }

  @Test
  void whatAnAuthorWritesIsEncryptedAtRestAndReadsAsErasedAfterTheirErasure(CapturedOutput logs)
      throws Exception {
    String annas;
    String bens;
    String consultation;
    try (ConfigurableApplicationContext first = start()) {
      Instant opens = Instant.now().plus(Duration.ofDays(1));
      consultation =
          call("POST", "/api/v1/consultations", "ada")
              .json(
                  """
                  {"title": {"de": "Plätze"}, "description": {"de": "Was fehlt?"},
                   "actionField": "mobilitaet", "format": "IDEAS",
                   "opensAt": "%s", "closesAt": "%s"}
                  """
                      .formatted(opens, opens.plus(Duration.ofDays(30))))
              .expect(201)
              .path("id")
              .asText();
      call("POST", "/api/v1/consultations/" + consultation + "/phase", "ada")
          .json("{\"phase\": \"OPEN\"}")
          .expect(200);
      String proposals = "/api/v1/consultations/" + consultation + "/proposals";
      annas =
          call("POST", proposals, "anna")
              .header("Idempotency-Key", "kanari-" + run)
              .json(proposal(title, text, displayName, address))
              .expect(201)
              .path("id")
              .asText();
      call("PUT", "/api/v1/proposals/" + annas, "anna")
          .json(proposal(editedTitle, editedText, displayName, address))
          .expect(200);
      bens =
          call("POST", proposals, "ben")
              .json(proposal(bensTitle, "Bens Text", "Ben", "Bens Ecke"))
              .expect(201)
              .path("id")
              .asText();
      // bad input carrying a canary: refused without repeating it
      TestClient.Response refused =
          call("POST", proposals, "anna")
              .json(proposal(title, text, displayName.repeat(10), address))
              .send()
              .expect(400);
      assertThat(refused.body()).doesNotContain(title, text, displayName);

      JsonNode mine = call("GET", "/api/v1/proposals/" + annas, "anna").expect(200);
      assertThat(mine.path("title").asText()).isEqualTo(editedTitle);
      assertThat(mine.path("displayName").asText()).isEqualTo(displayName);
      assertThat(mine.path("location").path("address").asText()).isEqualTo(address);
    }

    assertThat(filesContaining(annas)).as("the search finds what is stored in plain").isNotEmpty();
    for (String canary : canaries()) {
      assertThat(filesContaining(canary)).as("files holding %s in plain text", canary).isEmpty();
    }

    try (ConfigurableApplicationContext second = start()) {
      call("POST", "/api/v1/privacy/subjects/anna/erasure", "ada")
          .json("{\"reason\":\"CONSENT_WITHDRAWN\",\"reference\":\"DS-2026/0043\"}")
          .expect(200);
      assertErased(annas, bens, consultation);

      rebuild(second, annas, consultation);
      assertErased(annas, bens, consultation);
      assertThat(second.getBean(MissingKeys.class).total())
          .as("erased values are no missing keys")
          .isZero();
    }

    for (String canary : canaries()) {
      assertThat(filesContaining(canary)).as("files holding %s in plain text", canary).isEmpty();
    }
    assertThat(logs.getAll()).contains("Embedded MongoDB (H2 backend) started"); // capture works
    for (String canary : canaries()) {
      assertThat(logs.getAll()).as("the logs").doesNotContain(canary);
    }
  }

  private void assertErased(String annas, String bens, String consultation) {
    JsonNode erased = call("GET", "/api/v1/proposals/" + annas, "anna").expect(200);
    for (String field : List.of("title", "text", "displayName")) {
      assertThat(erased.path(field).asText()).as(field).isEqualTo(ERASED);
    }
    assertThat(erased.path("location").path("address").asText()).isEqualTo(ERASED);
    // what is not personal stays
    assertThat(erased.path("id").asText()).isEqualTo(annas);
    assertThat(erased.path("consultationId").asText()).isEqualTo(consultation);
    assertThat(erased.path("edited").asBoolean()).isTrue();
    assertThat(erased.path("createdAt").asText()).isNotBlank();
    assertThat(erased.path("location").path("lat").asDouble()).isEqualTo(49.142);

    JsonNode listed =
        new TestClient(port)
            .get("/api/v1/consultations/" + consultation + "/proposals")
            .expect(200);
    assertThat(listed.path("items").findValuesAsText("title")).containsExactly(bensTitle, ERASED);
    assertThat(call("GET", "/api/v1/proposals/" + bens, "ben").expect(200).path("title").asText())
        .isEqualTo(bensTitle);
  }

  /** Rebuilds the proposals' read model from the history and waits until both are back. */
  private void rebuild(ConfigurableApplicationContext context, String annas, String consultation)
      throws InterruptedException {
    EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
    StreamingEventProcessor proposals =
        (StreamingEventProcessor) processing.eventProcessor(ProposalProjection.NAME).orElseThrow();
    proposals.shutDown();
    proposals.resetTokens();
    proposals.start();
    Instant until = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(until) && !rebuilt(annas, consultation)) {
      Thread.sleep(100);
    }
    assertThat(rebuilt(annas, consultation)).as("the proposals rebuilt in time").isTrue();
  }

  private boolean rebuilt(String annas, String consultation) {
    TestClient.Response one = call("GET", "/api/v1/proposals/" + annas, "anna").send();
    return one.status() == 200
        && one.json().path("edited").asBoolean()
        && new TestClient(port)
                .get("/api/v1/consultations/" + consultation + "/proposals")
                .expect(200)
                .path("items")
                .size()
            == 2;
  }

  // --- comments (comments helper): texts and display names under the commenter's key

  private final String annasCommentName = "Kanari Kommentarname " + run;
  private final String annasReply = "Kanari Antworttext " + run;
  private final String annasComment = "Kanari Kommentartext " + run;
  private final String bensComment = "Kanari Bens Kommentar " + run;
  private final String moderationReason = "Beleidigend " + run;

  private List<String> commentCanaries() {
    return List.of(annasCommentName, annasReply, annasComment, bensComment);
  }

  private static String comment(String text, String name, String parent) {
    return parent == null
        ? json(Map.of("text", text, "displayName", name))
        : json(Map.of("text", text, "displayName", name, "parentId", parent));
  }

  @Test
  void whatACommenterWritesIsEncryptedAtRestAndReadsAsErasedAfterTheirErasure(CapturedOutput logs)
      throws Exception {
    String bens;
    String annas;
    String bensTop;
    String annasHidden;
    try (ConfigurableApplicationContext first = start()) {
      Instant opens = Instant.now().plus(Duration.ofDays(1));
      String consultation =
          call("POST", "/api/v1/consultations", "ada")
              .json(
                  """
                  {"title": {"de": "Plätze"}, "description": {"de": "Was fehlt?"},
                   "actionField": "mobilitaet", "format": "IDEAS",
                   "opensAt": "%s", "closesAt": "%s"}
                  """
                      .formatted(opens, opens.plus(Duration.ofDays(30))))
              .expect(201)
              .path("id")
              .asText();
      call("POST", "/api/v1/consultations/" + consultation + "/phase", "ada")
          .json("{\"phase\": \"OPEN\"}")
          .expect(200);
      String proposals = "/api/v1/consultations/" + consultation + "/proposals";
      bens =
          call("POST", proposals, "ben")
              .json(proposal("Bens Vorschlag", "Bens Text", "Ben", "Bens Ecke"))
              .expect(201)
              .path("id")
              .asText();
      annas =
          call("POST", proposals, "anna")
              .json(proposal("Annas Vorschlag", "Annas Text", "Anna", "Annas Ecke"))
              .expect(201)
              .path("id")
              .asText();
      bensTop =
          call("POST", "/api/v1/proposals/" + bens + "/comments", "ben")
              .json(comment(bensComment, "Ben", null))
              .expect(201)
              .path("id")
              .asText();
      call("POST", "/api/v1/proposals/" + bens + "/comments", "anna")
          .header("Idempotency-Key", "kanari-" + run)
          .json(comment(annasReply, annasCommentName, bensTop))
          .expect(201);
      call("POST", "/api/v1/proposals/" + annas + "/comments", "anna")
          .json(comment(annasComment, annasCommentName, null))
          .expect(201);
      annasHidden =
          call("POST", "/api/v1/proposals/" + annas + "/comments", "anna")
              .json(comment("Versteckt", annasCommentName, null))
              .expect(201)
              .path("id")
              .asText();
      call("POST", "/api/v1/proposals/" + annas + "/moderation", "mona")
          .json(
              json(Map.of("action", "HIDE", "reason", moderationReason, "commentId", annasHidden)))
          .expect(200);
      // bad input carrying a canary: refused without repeating it
      TestClient.Response refused =
          call("POST", "/api/v1/proposals/" + bens + "/comments", "anna")
              .json(comment(annasComment, annasCommentName.repeat(10), null))
              .send()
              .expect(400);
      assertThat(refused.body()).doesNotContain(annasComment, annasCommentName);
      JsonNode read = call("GET", "/api/v1/proposals/" + bens, "ben").expect(200);
      assertThat(read.path("comments").findValuesAsText("text"))
          .containsExactly(bensComment, annasReply);
    }

    assertThat(filesContaining(bensTop))
        .as("the search finds what is stored in plain")
        .isNotEmpty();
    assertThat(filesContaining(moderationReason)).as("the public reason is no secret").isNotEmpty();
    for (String canary : commentCanaries()) {
      assertThat(filesContaining(canary)).as("files holding %s in plain text", canary).isEmpty();
    }

    try (ConfigurableApplicationContext second = start()) {
      call("POST", "/api/v1/privacy/subjects/anna/erasure", "ada")
          .json("{\"reason\":\"CONSENT_WITHDRAWN\",\"reference\":\"DS-2026/0044\"}")
          .expect(200);
      assertCommentsErased(bens, annas, bensTop);

      EventProcessingConfiguration processing = second.getBean(EventProcessingConfiguration.class);
      StreamingEventProcessor proposals =
          (StreamingEventProcessor)
              processing.eventProcessor(ProposalProjection.NAME).orElseThrow();
      proposals.shutDown();
      proposals.resetTokens();
      proposals.start();
      Instant until = Instant.now().plusSeconds(30);
      while (Instant.now().isBefore(until) && !commentsRebuilt(bens, annas)) {
        Thread.sleep(100);
      }
      assertThat(commentsRebuilt(bens, annas)).as("the proposals rebuilt in time").isTrue();
      assertCommentsErased(bens, annas, bensTop);
      assertThat(second.getBean(MissingKeys.class).total())
          .as("erased values are no missing keys")
          .isZero();
    }

    for (String canary : commentCanaries()) {
      assertThat(filesContaining(canary)).as("files holding %s in plain text", canary).isEmpty();
    }
    assertThat(logs.getAll()).contains("Embedded MongoDB (H2 backend) started"); // capture works
    for (String canary : commentCanaries()) {
      assertThat(logs.getAll()).as("the logs").doesNotContain(canary);
    }
  }

  /** Anna's comments stay, counted, with their replies' places, and read as erased; Ben's stay. */
  private void assertCommentsErased(String bens, String annas, String bensTop) {
    JsonNode onBens = new TestClient(port).get("/api/v1/proposals/" + bens).expect(200);
    assertThat(onBens.path("commentCount").asInt()).isEqualTo(2);
    JsonNode top = onBens.path("comments").get(0);
    assertThat(top.path("id").asText()).isEqualTo(bensTop);
    assertThat(top.path("text").asText()).isEqualTo(bensComment);
    JsonNode reply = onBens.path("comments").get(1);
    assertThat(reply.path("parentId").asText()).isEqualTo(bensTop);
    assertThat(reply.path("text").asText()).isEqualTo(ERASED);
    assertThat(reply.path("displayName").asText()).isEqualTo(ERASED);
    assertThat(reply.path("createdAt").asText()).isNotBlank();

    JsonNode onAnnas = new TestClient(port).get("/api/v1/proposals/" + annas).expect(200);
    assertThat(onAnnas.path("commentCount").asInt()).isEqualTo(1);
    assertThat(onAnnas.path("comments").get(0).path("text").asText()).isEqualTo(ERASED);
    assertThat(onAnnas.path("comments").get(0).path("displayName").asText()).isEqualTo(ERASED);
  }

  private boolean commentsRebuilt(String bens, String annas) {
    TestClient.Response onBens = new TestClient(port).get("/api/v1/proposals/" + bens).send();
    TestClient.Response onAnnas = new TestClient(port).get("/api/v1/proposals/" + annas).send();
    return onBens.status() == 200
        && onAnnas.status() == 200
        && onBens.json().path("commentCount").asInt() == 2
        && onAnnas.json().path("commentCount").asInt() == 1
        // the hidden one is applied last: once hidden again, the rebuild is through
        && onAnnas.json().path("comments").size() == 1;
  }

  private List<Path> filesContaining(String text) throws IOException {
    return DataFiles.containing(dataDir, text);
  }

  private static String json(Object value) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
