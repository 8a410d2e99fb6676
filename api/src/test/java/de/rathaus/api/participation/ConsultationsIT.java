package de.rathaus.api.participation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.TestClient;
import de.rathaus.api.TestClient.Response;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.application.participation.ConsultationProjection;
import de.rathaus.application.participation.PhaseWatch;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
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
 * Consultations over HTTP on the running engine (one engine for the class): administrators draft
 * them and move them on; everyone reads them but the drafts; the phase watch, called directly with
 * a time in the future, moves them at their dates; every refusal and every bad input is a problem.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsultationsIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
    // the test drives the watch itself, with the times it needs
    registry.add("rathaus.participation.phase-check-interval", () -> "PT1H");
  }

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Instant OPENS = NOW.plus(Duration.ofDays(1));
  private static final Instant CLOSES = NOW.plus(Duration.ofDays(30));
  private static final Instant VOTING_ENDS = NOW.plus(Duration.ofDays(40));

  @LocalServerPort int port;
  @Autowired PhaseWatch watch;
  @Autowired ReadYourWrites readYourWrites;
  @Autowired EventProcessingConfiguration processing;
  private TestClient inGerman;
  private TestClient inEnglish;

  @BeforeEach
  void clients() {
    inGerman = new TestClient(port).withHeader("Accept-Language", "de");
    inEnglish = new TestClient(port).withHeader("Accept-Language", "en");
  }

  private static String consultation(
      String actionField, String format, Instant votingEndsAt, String extra) {
    return """
        {"title": {"de": "Radwege in der Innenstadt", "en": "Cycle lanes downtown"},
         "description": {"de": "Wo fehlen Radwege?", "en": "Where are cycle lanes missing?"},
         "actionField": "%s", "sustainabilityGoals": [11, 13], "format": "%s",
         "opensAt": "%s", "closesAt": "%s"%s%s}
        """
        .formatted(
            actionField,
            format,
            OPENS,
            CLOSES,
            votingEndsAt == null ? "" : ", \"votingEndsAt\": \"" + votingEndsAt + "\"",
            extra);
  }

  private static String ideas() {
    return consultation(
        "mobilitaet",
        "IDEAS",
        VOTING_ENDS,
        ", \"department\": \"ordnungsamt\", \"supportThreshold\": 50, \"answerDeadlineDays\": 30");
  }

  /** A run of the phase watch at {@code now}, answering once the read model shows its moves. */
  private PhaseWatch.Run advance(Instant now) {
    return readYourWrites.run(() -> watch.advance(now), ConsultationProjection.NAME);
  }

  private String draft(String body) {
    return inGerman
        .post("/api/v1/consultations")
        .as("ada")
        .json(body)
        .expect(201)
        .path("id")
        .asText();
  }

  private Response move(String id, String body) {
    return inEnglish.post("/api/v1/consultations/" + id + "/phase").as("ada").json(body).send();
  }

  private static List<String> ids(JsonNode page) {
    return page.path("items").findValuesAsText("id");
  }

  private List<String> publicIds(String query) {
    return ids(inGerman.get("/api/v1/consultations" + query).expect(200));
  }

  // --- the whole course

  @Test
  void anIdeasConsultationRunsFromDraftThroughItsDatesToPublishedResults() {
    Response created =
        inGerman.post("/api/v1/consultations").as("ada").json(ideas()).send().expect(201);
    String id = created.json().path("id").asText();
    assertThat(id).startsWith("consultation-");
    assertThat(created.header("Location")).hasValue("/api/v1/consultations/" + id);
    JsonNode draft = created.json();
    assertThat(draft.path("phase").asText()).isEqualTo("DRAFT");
    assertThat(draft.path("title").asText()).isEqualTo("Radwege in der Innenstadt");
    assertThat(draft.path("sustainabilityGoals").toString()).isEqualTo("[11,13]");
    assertThat(draft.path("department").asText()).isEqualTo("ordnungsamt");
    assertThat(draft.path("supportThreshold").asInt()).isEqualTo(50);
    assertThat(Instant.parse(draft.path("votingEndsAt").asText())).isEqualTo(VOTING_ENDS);

    // a draft is the administrators' alone
    assertThat(publicIds("")).doesNotContain(id);
    assertThat(publicIds("?phase=DRAFT")).isEmpty();
    assertThat(inGerman.get("/api/v1/consultations/" + id).send().status()).isEqualTo(404);
    assertThat(inGerman.get("/api/v1/consultations/" + id).as("anna").send().status())
        .isEqualTo(404);
    assertThat(inGerman.get("/api/v1/consultations/" + id).as("mona").send().status())
        .isEqualTo(404);
    assertThat(inGerman.get("/api/v1/consultations/" + id).as("ada").expect(200).path("phase"))
        .hasToString("\"DRAFT\"");
    assertThat(ids(inGerman.get("/api/v1/consultations?phase=DRAFT").as("ada").expect(200)))
        .contains(id);
    assertThat(ids(inGerman.get("/api/v1/consultations").as("ada").expect(200))).contains(id);

    // opensAt: the watch opens it; a run before the date does nothing
    assertThat(advance(OPENS.minusSeconds(1)).moved())
        .extracting(Object::toString)
        .doesNotContain(id);
    assertThat(phaseOf(id)).isEqualTo("DRAFT");
    advance(OPENS);
    JsonNode open = inEnglish.get("/api/v1/consultations/" + id).expect(200);
    assertThat(open.path("phase").asText()).isEqualTo("OPEN");
    assertThat(open.path("title").asText()).isEqualTo("Cycle lanes downtown");
    assertThat(Instant.parse(open.path("phases").get(0).path("at").asText())).isEqualTo(OPENS);
    assertThat(publicIds("?phase=OPEN&actionField=mobilitaet&goal=13&format=IDEAS")).contains(id);
    assertThat(publicIds("?phase=open&format=ideas")).as("choices in any case").contains(id);
    assertThat(publicIds("?goal=1")).doesNotContain(id);
    assertThat(publicIds("?actionField=bildung")).doesNotContain(id);
    assertThat(publicIds("?format=FEEDBACK")).doesNotContain(id);

    // a draft's content only: once open it is refused
    Response revised = inEnglish.put("/api/v1/consultations/" + id).as("ada").json(ideas()).send();
    assertThat(revised.status()).isEqualTo(409);
    assertThat(revised.isProblem()).isTrue();
    assertThat(revised.json().path("code").asText()).isEqualTo("NOT_A_DRAFT");

    // closesAt and votingEndsAt passed in one run: voting, then closed, each at its date
    PhaseWatch.Run run = advance(VOTING_ENDS.plusSeconds(5));
    assertThat(run.moved()).extracting(Object::toString).contains(id);
    JsonNode closed = inEnglish.get("/api/v1/consultations/" + id).expect(200);
    assertThat(closed.path("phase").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("phases").findValuesAsText("phase"))
        .containsExactly("OPEN", "VOTING", "CLOSED");
    assertThat(Instant.parse(closed.path("phases").get(1).path("at").asText())).isEqualTo(CLOSES);
    assertThat(Instant.parse(closed.path("phases").get(2).path("at").asText()))
        .isEqualTo(VOTING_ENDS);
    assertThat(advance(VOTING_ENDS.plus(Duration.ofDays(400))).moved())
        .as("results are published only by hand")
        .extracting(Object::toString)
        .doesNotContain(id);

    // backwards is refused
    Response back = move(id, "{\"phase\": \"OPEN\"}");
    assertThat(back.status()).isEqualTo(409);
    assertThat(back.isProblem()).isTrue();
    assertThat(back.json().path("code").asText()).isEqualTo("NOT_FORWARD");
    assertThat(back.json().path("title").asText()).isEqualTo("Phase move not allowed");

    // results: with a summary only
    Response noSummary = move(id, "{\"phase\": \"RESULTS_PUBLISHED\"}");
    assertThat(noSummary.status()).isEqualTo(422);
    assertThat(noSummary.json().path("code").asText()).isEqualTo("SUMMARY_REQUIRED");
    assertThat(noSummary.json().path("errors").findValuesAsText("field")).contains("summary");
    JsonNode published =
        move(
                id,
                "{\"phase\": \"RESULTS_PUBLISHED\", \"summary\": {\"de\": \"Zwölf neue Radwege\","
                    + " \"en\": \"Twelve new cycle lanes\"}}")
            .expect(200)
            .json();
    assertThat(published.path("phase").asText()).isEqualTo("RESULTS_PUBLISHED");
    assertThat(published.path("summary").asText()).isEqualTo("Twelve new cycle lanes");
    assertThat(inGerman.get("/api/v1/consultations/" + id).expect(200).path("summary").asText())
        .isEqualTo("Zwölf neue Radwege");
    assertThat(publicIds("?phase=RESULTS_PUBLISHED")).contains(id);
    Response again =
        move(id, "{\"phase\": \"RESULTS_PUBLISHED\", \"summary\": {\"de\": \"Nochmal\"}}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("code").asText()).isEqualTo("NOT_FORWARD");
  }

  private String phaseOf(String id) {
    return inGerman.get("/api/v1/consultations/" + id).as("ada").expect(200).path("phase").asText();
  }

  @Test
  void anAdministratorMovesAFeedbackConsultationByHandOnePhaseAtATime() {
    String id = draft(consultation("umwelt-klima", "FEEDBACK", null, ""));

    Response skipped = move(id, "{\"phase\": \"CLOSED\"}");
    assertThat(skipped.status()).isEqualTo(409);
    assertThat(skipped.json().path("code").asText()).isEqualTo("SKIPS_A_PHASE");

    JsonNode opened = move(id, "{\"phase\": \"open\"}").expect(200).json();
    assertThat(opened.path("phase").asText()).isEqualTo("OPEN");
    assertThat(publicIds("?format=FEEDBACK&actionField=umwelt-klima")).contains(id);

    Response voting = move(id, "{\"phase\": \"VOTING\"}");
    assertThat(voting.status()).isEqualTo(409);
    assertThat(voting.json().path("code").asText()).isEqualTo("NO_VOTING_IN_FEEDBACK");
    Response summaryTooEarly = move(id, "{\"phase\": \"CLOSED\", \"summary\": {\"de\": \"x\"}}");
    assertThat(summaryTooEarly.status()).isEqualTo(422);
    assertThat(summaryTooEarly.json().path("code").asText()).isEqualTo("SUMMARY_ONLY_WITH_RESULTS");

    assertThat(move(id, "{\"phase\": \"CLOSED\"}").expect(200).json().path("phase").asText())
        .isEqualTo("CLOSED");
    // the dates come later: the watch leaves a consultation closed by hand alone
    assertThat(advance(CLOSES.plus(Duration.ofDays(1))).moved())
        .extracting(Object::toString)
        .doesNotContain(id);
    assertThat(phaseOf(id)).isEqualTo("CLOSED");
  }

  @Test
  void anIdeasConsultationWithoutAVotingDateMayBeMovedToVotingByHand() {
    String id = draft(consultation("bildung", "IDEAS", null, ""));
    move(id, "{\"phase\": \"OPEN\"}").expect(200);
    assertThat(move(id, "{\"phase\": \"VOTING\"}").expect(200).json().path("phase").asText())
        .isEqualTo("VOTING");
    assertThat(advance(CLOSES.plus(Duration.ofDays(100))).moved())
        .as("no date ends a voting phase started by hand")
        .extracting(Object::toString)
        .doesNotContain(id);
    assertThat(move(id, "{\"phase\": \"CLOSED\"}").expect(200).json().path("phase").asText())
        .isEqualTo("CLOSED");
  }

  @Test
  void aDraftIsRevisedAsAWhole() {
    String id = draft(consultation("mobilitaet", "IDEAS", null, ""));

    JsonNode revised =
        inGerman
            .put("/api/v1/consultations/" + id)
            .as("ada")
            .json(consultation("gesundheit", "FEEDBACK", null, ""))
            .expect(200);

    assertThat(revised.path("actionField").asText()).isEqualTo("gesundheit");
    assertThat(revised.path("format").asText()).isEqualTo("FEEDBACK");
    assertThat(revised.path("phase").asText()).isEqualTo("DRAFT");
    Response bad =
        inGerman
            .put("/api/v1/consultations/" + id)
            .as("ada")
            .json(consultation("gesundheit", "FEEDBACK", VOTING_ENDS, ""))
            .send();
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().path("errors").findValuesAsText("field")).contains("votingEndsAt");
    Response unknown =
        inGerman
            .put("/api/v1/consultations/consultation-" + UUID.randomUUID())
            .as("ada")
            .json(consultation("gesundheit", "FEEDBACK", null, ""))
            .send();
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.isProblem()).isTrue();
  }

  @Test
  void theListIsPagedNewestOpeningFirst() {
    for (int i = 0; i < 3; i++) {
      move(draft(consultation("sicherheit", "FEEDBACK", null, "")), "{\"phase\": \"OPEN\"}")
          .expect(200);
    }
    List<String> walked = new ArrayList<>();
    String next = "/api/v1/consultations?actionField=sicherheit&size=2";
    int pages = 0;
    while (next != null) {
      JsonNode page = inGerman.get(next).expect(200);
      assertThat(page.has("next")).isTrue();
      assertThat(page.path("items").size()).isLessThanOrEqualTo(2);
      walked.addAll(ids(page));
      next = page.path("next").isNull() ? null : page.path("next").asText();
      assertThat(++pages).isLessThan(20);
    }
    assertThat(walked).hasSize(3).doesNotHaveDuplicates();
    assertThat(ids(inGerman.get("/api/v1/consultations?actionField=sicherheit").expect(200)))
        .isEqualTo(walked);
  }

  @Test
  void theConsultationsHaveAReadModelOfTheirOwn() {
    assertThat(processing.eventProcessor(ConsultationProjection.NAME)).isPresent();
  }

  @Test
  void anIdempotencyKeyDraftsOnce() {
    String key = UUID.randomUUID().toString();
    String body = consultation("mobilitaet", "FEEDBACK", null, "");
    Response first =
        inGerman
            .post("/api/v1/consultations")
            .as("ada")
            .header("Idempotency-Key", key)
            .json(body)
            .send()
            .expect(201);
    Response second =
        inGerman
            .post("/api/v1/consultations")
            .as("ada")
            .header("Idempotency-Key", key)
            .json(body)
            .send()
            .expect(201);
    assertThat(second.json().path("id")).isEqualTo(first.json().path("id"));
    assertThat(second.header("Idempotent-Replayed")).hasValue("true");
  }

  // --- refusals and bad input

  @Test
  void aConsultationBelongsToAKnownActiveActionFieldAndDepartment() {
    assertUnprocessable(consultation("gibtesnicht", "IDEAS", null, ""), "actionField");
    inGerman
        .post("/api/v1/action-fields")
        .as("ada")
        .json("{\"code\": \"alt-feld\", \"name\": {\"de\": \"Altes Feld\"}}")
        .expect(201);
    inGerman
        .post("/api/v1/action-fields/alt-feld/retirement")
        .as("ada")
        .json("{\"reason\": \"aufgegangen\"}")
        .expect(200);
    assertUnprocessable(consultation("alt-feld", "IDEAS", null, ""), "actionField");
    assertUnprocessable(
        consultation("mobilitaet", "IDEAS", null, ", \"department\": \"keinamt\""), "department");
  }

  @Test
  void contentThatDoesNotFitItsRulesIsUnprocessableNamingTheField() {
    assertUnprocessable(
        consultation("mobilitaet", "IDEAS", CLOSES, ""), "votingEndsAt"); // not after closesAt
    assertUnprocessable(consultation("mobilitaet", "FEEDBACK", VOTING_ENDS, ""), "votingEndsAt");
    assertUnprocessable(
        consultation("mobilitaet", "FEEDBACK", null, ", \"supportThreshold\": 10"),
        "supportThreshold");
    assertUnprocessable(
        consultation("mobilitaet", "IDEAS", null, ", \"answerDeadlineDays\": 10"),
        "answerDeadlineDays");
    String backwards =
        consultation("mobilitaet", "IDEAS", null, "")
            .replace("\"opensAt\": \"" + OPENS, "\"opensAt\": \"" + CLOSES.plusSeconds(60));
    assertUnprocessable(backwards, "closesAt");
    String past =
        consultation("mobilitaet", "IDEAS", null, "")
            .replace("\"opensAt\": \"" + OPENS, "\"opensAt\": \"2020-01-01T00:00:00Z")
            .replace("\"closesAt\": \"" + CLOSES, "\"closesAt\": \"2021-01-01T00:00:00Z");
    assertUnprocessable(past, "closesAt");
  }

  private void assertUnprocessable(String body, String field) {
    Response refused = inEnglish.post("/api/v1/consultations").as("ada").json(body).send();
    assertThat(refused.status()).as(body).isEqualTo(422);
    assertThat(refused.isProblem()).as(body).isTrue();
    assertThat(refused.json().path("errors").findValuesAsText("field")).as(body).contains(field);
  }

  @Test
  void badInputIsAProblemNamingTheField() {
    String ok = consultation("mobilitaet", "IDEAS", null, "");
    assertBadField(ok.replace("[11, 13]", "[0]"), "sustainabilityGoals");
    assertBadField(ok.replace("[11, 13]", "[18]"), "sustainabilityGoals");
    assertBadField(ok.replace("[11, 13]", "[13, 13]"), "sustainabilityGoals");
    assertBadField(ok.replace("[11, 13]", "[null]"), "sustainabilityGoals");
    assertBadField(ok.replace("\"IDEAS\"", "\"SURVEY\""), "format");
    assertBadField(ok.replace("\"IDEAS\"", "\"\""), "format");
    assertBadField(
        ok.replace("\"opensAt\": \"" + OPENS, "\"opensAt\": \"1999-12-31T23:59:59Z"), "opensAt");
    assertBadField(
        ok.replace("\"closesAt\": \"" + CLOSES, "\"closesAt\": \"2100-01-01T00:00:00Z"),
        "closesAt");
    assertBadField(ok.replace("\"mobilitaet\"", "\"Mobilität\""), "actionField");
    assertBadField(ok.replace("\"de\": \"Radwege in der Innenstadt\", ", ""), "title.de");
    assertBadField(ok.replace("\"de\": \"Wo fehlen Radwege?\"", "\"de\": \" \""), "description.de");
    assertBadField(ok.replace(", \"closesAt\": \"" + CLOSES + "\"", ""), "closesAt");
    assertBadField(
        consultation("mobilitaet", "IDEAS", null, ", \"supportThreshold\": 0"), "supportThreshold");
    assertBadField(
        consultation(
            "mobilitaet", "IDEAS", null, ", \"supportThreshold\": 5, \"answerDeadlineDays\": -3"),
        "answerDeadlineDays");

    for (String shape :
        List.of(
            "[]",
            "\"Radwege\"",
            "{\"title\": \"nur ein Text\"}",
            ok.replace("\"opensAt\": \"" + OPENS + "\"", "\"opensAt\": \"2026-13-45\""),
            ok.replace("\"opensAt\": \"" + OPENS + "\"", "\"opensAt\": 12"),
            ok.replace("[11, 13]", "\"13\""),
            ok.replace("[11, 13]", "[\"dreizehn\"]"),
            ok.replace("\"actionField\"", "\"unknownField\": 1, \"actionField\""),
            ok.replace("\"en\": \"Cycle lanes downtown\"", "\"fr\": \"Pistes\""),
            "{\"title\": {\"de\": \"kaputt\"},")) {
      Response bad = inEnglish.post("/api/v1/consultations").as("ada").json(shape).send();
      assertThat(bad.status()).as(shape).isEqualTo(400);
      assertThat(bad.isProblem()).as(shape).isTrue();
    }
  }

  private void assertBadField(String body, String field) {
    Response bad = inEnglish.post("/api/v1/consultations").as("ada").json(body).send();
    assertThat(bad.status()).as(body).isEqualTo(400);
    assertThat(bad.isProblem()).as(body).isTrue();
    assertThat(bad.json().path("errors").findValuesAsText("field"))
        .as(body)
        .anySatisfy(named -> assertThat(named).startsWith(field));
  }

  @Test
  void badPhaseMovesAndQueriesAreProblems() {
    String id = draft(consultation("mobilitaet", "IDEAS", null, ""));
    for (String body :
        List.of("{\"phase\": \"DRAFT\"}", "{\"phase\": \"ARCHIVED\"}", "{\"phase\": \"\"}", "{}")) {
      Response bad = move(id, body);
      assertThat(bad.status()).as(body).isEqualTo(400);
      assertThat(bad.isProblem()).as(body).isTrue();
      assertThat(bad.json().path("errors").findValuesAsText("field")).as(body).contains("phase");
    }
    Response choices = move(id, "{\"phase\": \"ARCHIVED\"}");
    assertThat(choices.json().path("errors").get(0).path("message").asText())
        .contains("open", "voting", "closed", "results_published");
    for (String body :
        List.of(
            "[]",
            "{\"phase\": 1}",
            "{\"phase\": \"OPEN\", \"extra\": true}",
            "{\"phase\": \"OPEN\", \"summary\": \"text\"}",
            "{\"phase\":")) {
      Response bad = move(id, body);
      assertThat(bad.status()).as(body).isEqualTo(400);
      assertThat(bad.isProblem()).as(body).isTrue();
    }
    Response emptySummary =
        move(id, "{\"phase\": \"RESULTS_PUBLISHED\", \"summary\": {\"de\": \"\"}}");
    assertThat(emptySummary.status()).isEqualTo(400);
    assertThat(emptySummary.json().path("errors").findValuesAsText("field")).contains("summary.de");

    for (String path :
        List.of(
            "/api/v1/consultations?phase=ARCHIVED",
            "/api/v1/consultations?format=SURVEY",
            "/api/v1/consultations?goal=0",
            "/api/v1/consultations?goal=18",
            "/api/v1/consultations?goal=x",
            "/api/v1/consultations?actionField=Kein%20Feld",
            "/api/v1/consultations?size=0",
            "/api/v1/consultations?size=501",
            "/api/v1/consultations?cursor=!!")) {
      Response bad = inEnglish.get(path).send();
      assertThat(bad.status()).as(path).isEqualTo(400);
      assertThat(bad.isProblem()).as(path).isTrue();
    }
    assertThat(
            inEnglish
                .get("/api/v1/consultations?phase=ARCHIVED")
                .send()
                .json()
                .path("errors")
                .get(0)
                .path("message")
                .asText())
        .contains("draft", "open", "voting", "closed", "results_published");

    for (String unknown :
        List.of(
            "consultation-" + UUID.randomUUID(),
            "radwege",
            "action-field:mobilitaet",
            UUID.randomUUID().toString())) {
      Response none = inEnglish.get("/api/v1/consultations/" + unknown).as("ada").send();
      assertThat(none.status()).as(unknown).isEqualTo(404);
      assertThat(none.isProblem()).as(unknown).isTrue();
      Response moved = move(unknown, "{\"phase\": \"OPEN\"}");
      assertThat(moved.status()).as(unknown).isEqualTo(404);
      assertThat(moved.isProblem()).as(unknown).isTrue();
    }
  }

  @Test
  void onlyAdministratorsDraftAndMove() {
    String body = consultation("mobilitaet", "IDEAS", null, "");
    for (String user : List.of("anna", "clara", "mona", "udo", "otto")) {
      assertThat(inGerman.post("/api/v1/consultations").as(user).json(body).send().status())
          .as(user)
          .isEqualTo(403);
    }
    assertThat(inGerman.post("/api/v1/consultations").json(body).send().status()).isEqualTo(401);
    String id = draft(body);
    assertThat(
            inGerman
                .post("/api/v1/consultations/" + id + "/phase")
                .as("mona")
                .json("{\"phase\": \"OPEN\"}")
                .send()
                .status())
        .isEqualTo(403);
    assertThat(phaseOf(id)).isEqualTo("DRAFT");
  }
}
