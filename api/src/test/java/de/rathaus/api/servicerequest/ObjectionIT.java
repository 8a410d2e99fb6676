package de.rathaus.api.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.RathausApplication;
import de.rathaus.api.TestClient;
import de.rathaus.api.privacy.DataFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The objection (Widerspruch) through HTTP: the applicant objects in time with reasons and a
 * document filed for it, the case is an objection procedure in both views and the queue, the
 * department decides it; a second objection, one before a decision, one of a withdrawn request, and
 * one after the period (the engine restarted with its clock past the period) are refused, the last
 * naming the last day in German and English. The reasons never reach the data directory in plain
 * text.
 */
class ObjectionIT {

  private static final String REASONS = "Widerspruchsgrund-Kanarienvogel 7f3a";
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @TempDir Path dataDir;
  private int port;

  private ConfigurableApplicationContext start(Duration ahead) {
    Clock clock = Clock.offset(Clock.systemUTC(), ahead);
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(RathausApplication.class)
            .initializers(c -> c.getBeanFactory().registerSingleton("testClock", clock))
            .run(
                "--rathaus.data-dir=" + dataDir,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--rathaus.deadlines.check-interval=PT1H");
    port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return context;
  }

  @Test
  void objectionInTimeIsDecidedAndOneAfterThePeriodIsRefusedNamingTheLastDay() throws Exception {
    String late;
    Instant lateDecidedAt;
    try (ConfigurableApplicationContext first = start(Duration.ZERO)) {
      String id = submit();
      call("POST", "/api/v1/requests/" + id + "/objection", objection(), "anna", 409); // undecided
      decide(id);

      // a document for the objection, uploaded while the decision stands
      AttachmentIT.Form form =
          new AttachmentIT.Form()
              .file("Attest.pdf", "application/pdf", pdf())
              .field("purpose", "objection");
      String document =
          new TestClient(port)
              .post("/api/v1/requests/" + id + "/attachments")
              .as("anna")
              .bytes(form.bytes(), form.type())
              .expect(201)
              .path("id")
              .asText();

      // others: another citizen 404, a clerk 403 (citizens only); bad input 400/422
      call("POST", "/api/v1/requests/" + id + "/objection", objection(), "ben", 404);
      call("POST", "/api/v1/requests/" + id + "/objection", objection(), "clara", 403);
      call("POST", "/api/v1/requests/" + id + "/objection", "{\"reasons\":\" \"}", "anna", 400);
      call(
          "POST",
          "/api/v1/requests/" + id + "/objection",
          "{\"reasons\":\"x\",\"attachments\":[\"not-a-document\"]}",
          "anna",
          422);
      assertThat(call("GET", "/api/v1/requests/" + id, null, "anna", 200).path("status").asText())
          .as("nothing changed by refused objections")
          .isEqualTo("DECIDED");

      JsonNode objected =
          call(
              "POST",
              "/api/v1/requests/" + id + "/objection",
              "{\"reasons\":\"" + REASONS + "\",\"attachments\":[\"" + document + "\"]}",
              "anna",
              200);
      assertThat(objected.path("status").asText()).isEqualTo("OBJECTION_PENDING");
      assertThat(objected.path("objection").path("reasons").asText()).isEqualTo(REASONS);
      assertThat(objected.path("objection").path("attachments").get(0).asText())
          .isEqualTo(document);
      Instant filedAt = Instant.parse(objected.path("objection").path("filedAt").asText());
      assertThat(Instant.parse(objected.path("dueDate").asText()))
          .isEqualTo(filedAt.atZone(BERLIN).plusMonths(3).toInstant());
      assertThat(objected.path("decision").path("outcome").asText()).isEqualTo("REJECTED");
      assertThat(objected.path("timeline").findValuesAsText("type")).endsWith("OBJECTION_FILED");

      JsonNode again =
          call("POST", "/api/v1/requests/" + id + "/objection", objection(), "anna", 409);
      assertThat(again.path("code").asText()).isEqualTo("ALREADY_OBJECTED");

      // the clerks: in the queue again, the case shows it; another department sees nothing
      assertThat(
              call("GET", "/api/v1/cases?status=OBJECTION_PENDING", null, "clara", 200)
                  .path("items")
                  .findValuesAsText("id"))
          .contains(id);
      JsonNode case_ = call("GET", "/api/v1/cases/" + id, null, "clara", 200);
      assertThat(case_.path("objection").path("reasons").asText()).isEqualTo(REASONS);
      call("POST", "/api/v1/cases/" + id + "/closure", null, "clara", 409); // pending
      String decision = "{\"outcome\":\"OBJECTION_REJECTED\",\"reasoning\":\"Bleibt dabei\"}";
      call("POST", "/api/v1/cases/" + id + "/objection-decision", decision, "carl", 404);
      call("POST", "/api/v1/cases/" + id + "/objection-decision", decision, "anna", 403);
      call(
          "POST",
          "/api/v1/cases/" + id + "/objection-decision",
          "{\"outcome\":\"MAYBE\",\"reasoning\":\"x\"}",
          "clara",
          400);
      JsonNode decided =
          call("POST", "/api/v1/cases/" + id + "/objection-decision", decision, "clara", 200);
      assertThat(decided.path("status").asText()).isEqualTo("DECIDED");
      assertThat(decided.path("objection").path("outcome").asText())
          .isEqualTo("OBJECTION_REJECTED");
      call("POST", "/api/v1/cases/" + id + "/objection-decision", decision, "clara", 409);
      JsonNode mine = call("GET", "/api/v1/requests/" + id, null, "anna", 200);
      assertThat(mine.path("objection").path("reasoning").asText()).isEqualTo("Bleibt dabei");
      assertThat(mine.path("timeline").findValuesAsText("type"))
          .endsWith("DECIDED", "OBJECTION_FILED", "OBJECTION_DECIDED");
      call("POST", "/api/v1/cases/" + id + "/closure", null, "clara", 200);

      // a withdrawn request has no decision to object to
      String withdrawn = submit();
      call("POST", "/api/v1/requests/" + withdrawn + "/withdrawal", "{}", "anna", 200);
      call("POST", "/api/v1/requests/" + withdrawn + "/objection", objection(), "anna", 409);

      late = submit();
      lateDecidedAt = Instant.parse(decide(late).path("decision").path("at").asText());

      assertThat(DataFiles.containing(dataDir, REASONS)).as("files with the reasons").isEmpty();
    }

    // 35 days later: more than one month after the decision
    try (ConfigurableApplicationContext second = start(Duration.ofDays(35))) {
      LocalDate lastDay = lateDecidedAt.atZone(BERLIN).toLocalDate().plusMonths(1);
      JsonNode german =
          new TestClient(port)
              .post("/api/v1/requests/" + late + "/objection")
              .as("anna")
              .header("Accept-Language", "de")
              .json(objection())
              .expect(409);
      assertThat(german.path("code").asText()).isEqualTo("OBJECTION_PERIOD_OVER");
      assertThat(german.path("lastDay").asText()).isEqualTo(lastDay.toString());
      assertThat(german.path("detail").asText())
          .contains(lastDay.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")))
          .contains("Widerspruch");
      JsonNode english =
          new TestClient(port)
              .post("/api/v1/requests/" + late + "/objection")
              .as("anna")
              .header("Accept-Language", "en")
              .json(objection())
              .expect(409);
      assertThat(english.path("detail").asText()).contains(lastDay.toString()).contains("ended");
      assertThat(call("GET", "/api/v1/requests/" + late, null, "anna", 200).path("status").asText())
          .isEqualTo("DECIDED");
    }
  }

  private static String objection() {
    return "{\"reasons\":\"Der Bescheid übersieht etwas\"}";
  }

  private static byte[] pdf() {
    return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% Attest\n%%EOF\n"
        .getBytes(StandardCharsets.US_ASCII);
  }

  private String submit() {
    return call(
            "POST",
            "/api/v1/requests",
            """
            {"serviceCode": "meldebescheinigung",
             "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber",
                            "delivery": "post", "copies": 1},
             "applicant": {"name": "Anna Beispiel"}}
            """,
            "anna",
            201)
        .path("id")
        .asText();
  }

  private JsonNode decide(String id) {
    call("POST", "/api/v1/cases/" + id + "/assignment", "{\"assignee\":\"clara\"}", "clara", 200);
    return call(
        "POST",
        "/api/v1/cases/" + id + "/decision",
        "{\"outcome\":\"REJECTED\",\"reasoning\":\"Nicht gemeldet\",\"legalBasis\":\"§ 18 BMG\"}",
        "clara",
        200);
  }

  private JsonNode call(String method, String path, String body, String user, int expected) {
    TestClient.Call call = new TestClient(port).call(method, path).as(user);
    return (body == null ? call : call.json(body)).expect(expected);
  }
}
