package de.rathaus.api.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.TestClient;
import de.rathaus.api.privacy.DataFiles;
import de.rathaus.application.transparency.HistoryLog;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Documents of a request through HTTP, on one engine with small limits (300 KB a file, 700 KB a
 * request, 12 uploads a citizen an hour): the applicant and the department's clerks read them,
 * nobody else; types by content; limits as 413; the SHA-256 in the history; and erasure, after
 * which the bytes are gone for good and were never on disk in plain text.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttachmentIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
    registry.add("rathaus.attachments.max-file-size", () -> "300KB");
    registry.add("rathaus.attachments.max-total-size", () -> "700KB");
    registry.add("rathaus.attachments.max-files", () -> "20");
    registry.add("rathaus.limits.attachments-per-hour", () -> "12");
  }

  /** Unique in this run: found on disk only if a document reached it in plain text. */
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  static final String CANARY = "Kanari-Anlage-" + RUN;
  static final String NAME_CANARY = "Kanari-Dateiname-" + RUN;

  @LocalServerPort int port;
  @Autowired HistoryLog history;
  private TestClient client;

  /** Anna's request, made by the first test that needs it. */
  private static String annas;

  @BeforeEach
  void client() {
    client = new TestClient(port).withHeader("Accept-Language", "en");
  }

  static byte[] pdf(String text, int size) {
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ");
    pdf.append(text).append('\n');
    while (pdf.length() < size - 6) {
      pdf.append("% filler line of the test document\n");
    }
    pdf.setLength(size - 6);
    pdf.append("%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] png(int size) {
    byte[] png = new byte[size];
    new Random(size).nextBytes(png);
    byte[] head = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H'};
    System.arraycopy(head, 0, png, 0, head.length);
    return png;
  }

  static byte[] zip() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("invoice.exe"));
      zip.write("MZ not really a program".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** A multipart/form-data body with the file (and a purpose, if given). */
  static final class Form {
    final String boundary = "----rathaus-" + UUID.randomUUID();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();

    Form file(String name, String sentType, byte[] content) {
      text(
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
              + name
              + "\"\r\nContent-Type: "
              + sentType
              + "\r\n\r\n");
      body.writeBytes(content);
      text("\r\n");
      return this;
    }

    Form field(String name, String value) {
      text(
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + name
              + "\"\r\n\r\n"
              + value
              + "\r\n");
      return this;
    }

    private void text(String text) {
      body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    byte[] bytes() {
      ByteArrayOutputStream done = new ByteArrayOutputStream();
      done.writeBytes(body.toByteArray());
      done.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return done.toByteArray();
    }

    String type() {
      return "multipart/form-data; boundary=" + boundary;
    }
  }

  private TestClient.Response upload(String request, String user, Form form) {
    return client
        .post("/api/v1/requests/" + request + "/attachments")
        .as(user)
        .bytes(form.bytes(), form.type())
        .send();
  }

  private String submit(String user) {
    return client
        .post("/api/v1/requests")
        .as(user)
        .json(
            """
            {"serviceCode": "meldebescheinigung",
             "attributes": {"certificate_kind": "simple", "purpose": "Bank", "delivery": "post", "copies": 1},
             "applicant": {"name": "Anna Beispiel"}}
            """)
        .expect(201)
        .path("id")
        .asText();
  }

  private String annasRequest() {
    if (annas == null) {
      annas = submit("anna");
    }
    return annas;
  }

  private JsonNode listed(String request, String user) {
    return client.get("/api/v1/requests/" + request + "/attachments").as(user).expect(200);
  }

  @Test
  @Order(1)
  void theApplicantAndTheDepartmentsClerksReadADocumentNobodyElse() throws Exception {
    String request = annasRequest();
    byte[] content = pdf(CANARY, 280_000); // two chunks
    TestClient.Response created =
        upload(request, "anna", new Form().file(NAME_CANARY + ".pdf", "application/pdf", content))
            .expect(201);
    JsonNode document = created.json();
    String id = document.path("id").asText();
    assertThat(created.header("Location"))
        .contains("/api/v1/requests/" + request + "/attachments/" + id);
    assertThat(document.path("name").asText()).isEqualTo(NAME_CANARY + ".pdf");
    assertThat(document.path("mediaType").asText()).isEqualTo("application/pdf");
    assertThat(document.path("size").asLong()).isEqualTo(content.length);
    assertThat(document.path("sha256").asText()).isEqualTo(sha256(content));
    assertThat(document.path("purpose").asText()).isEqualTo("SUPPORTING_DOCUMENT");

    // the history records the file's hash, and its leaf in the tamper-evident log holds it
    long position = document.path("position").asLong();
    assertThat(document.path("leafHash").asText()).isNotBlank();
    JsonNode trail =
        client.get("/api/v1/audit/aggregates/" + request + "/history").as("udo").expect(200);
    JsonNode attached = null;
    for (JsonNode item : trail.path("items")) {
      if (item.path("type").asText().endsWith("DocumentAttached")) {
        attached = item;
      }
    }
    assertThat(attached).as("DocumentAttached in %s", trail).isNotNull();
    assertThat(attached.path("position").asLong()).isEqualTo(position);
    assertThat(attached.path("payload").path("document").path("sha256").asText())
        .isEqualTo(sha256(content));
    assertThat(attached.path("payload").path("name").asText()).isEqualTo("[personal]");
    HistoryLog.Leaf leaf =
        history.leafOf(request, attached.path("sequence").asLong()).orElseThrow();
    assertThat(leaf.line().toString()).contains(sha256(content)).doesNotContain(NAME_CANARY);

    for (String reader : new String[] {"anna", "clara"}) {
      TestClient.Download download =
          client.get("/api/v1/requests/" + request + "/attachments/" + id).as(reader).download();
      download.response().expect(200);
      assertThat(download.bytes()).as(reader).isEqualTo(content);
      assertThat(download.response().header("Content-Type")).contains("application/pdf");
      assertThat(download.response().header("X-Content-Type-Options")).contains("nosniff");
      assertThat(download.response().header("Content-Disposition").orElseThrow())
          .startsWith("attachment;")
          .contains(".pdf");
    }
    for (String other : new String[] {"ben", "carl"}) {
      client
          .get("/api/v1/requests/" + request + "/attachments/" + id)
          .as(other)
          .download()
          .response()
          .expect(404);
      client.get("/api/v1/requests/" + request + "/attachments").as(other).send().expect(404);
      assertThat(
              upload(request, other, new Form().file("x.pdf", "application/pdf", pdf("x", 500)))
                  .expect(404)
                  .isProblem())
          .isTrue();
    }
    client
        .get("/api/v1/requests/" + request + "/attachments/" + UUID.randomUUID())
        .as("anna")
        .download()
        .response()
        .expect(404);
    JsonNode list = listed(request, "clara");
    assertThat(list.path("items").findValuesAsText("id")).containsExactly(id);
    assertThat(list.path("items").get(0).path("attachedBy").asText()).isEqualTo("APPLICANT");
    assertThat(list.path("items").get(0).path("erased").asBoolean()).isFalse();
  }

  @Test
  @Order(2)
  void aForbiddenTypeRenamedToPdfIsRefusedByItsContent() throws Exception {
    String request = annasRequest();
    int before = listed(request, "anna").path("items").size();
    TestClient.Response zip =
        upload(request, "anna", new Form().file("Nachweis.pdf", "application/pdf", zip()))
            .expect(415);
    assertThat(zip.isProblem()).isTrue();
    assertThat(zip.json().path("detail").asText()).contains("application/pdf");
    byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes();
    upload(request, "anna", new Form().file("Bescheinigung.pdf", "application/pdf", html))
        .expect(415);
    assertThat(listed(request, "anna").path("items").size()).isEqualTo(before);
  }

  @Test
  @Order(3)
  void documentsOverTheLimitsAreRefusedAs413() throws Exception {
    String request = submit("anna");
    TestClient.Response tooLarge =
        upload(request, "anna", new Form().file("big.pdf", "application/pdf", pdf("x", 400_000)))
            .expect(413);
    assertThat(tooLarge.isProblem()).isTrue();
    // far over the container's multipart limit too: still a problem, not a 500
    TestClient.Response huge =
        upload(request, "anna", new Form().file("huge.pdf", "application/pdf", pdf("x", 1_500_000)))
            .expect(413);
    assertThat(huge.isProblem()).isTrue();
    upload(request, "anna", new Form().file("a.pdf", "application/pdf", pdf("a", 290_000)))
        .expect(201);
    upload(request, "anna", new Form().file("b.pdf", "application/pdf", pdf("b", 290_000)))
        .expect(201);
    TestClient.Response full =
        upload(request, "anna", new Form().file("c.pdf", "application/pdf", pdf("c", 290_000)))
            .expect(413);
    assertThat(full.json().path("code").asText()).isEqualTo("ATTACHMENTS_TOO_LARGE");
    TestClient.Response empty =
        upload(request, "anna", new Form().file("e.pdf", "application/pdf", new byte[0]))
            .expect(422);
    assertThat(empty.json().path("code").asText()).isEqualTo("EMPTY_ATTACHMENT");
    assertThat(listed(request, "anna").path("items").size()).isEqualTo(2);
    // no file part at all, or no multipart: refused as such
    client
        .post("/api/v1/requests/" + request + "/attachments")
        .as("anna")
        .bytes(new Form().field("purpose", "answer").bytes(), new Form().type())
        .send()
        .expect(400);
  }

  @Test
  @Order(4)
  void documentsGoWithQuestionsAnswersAndTheDecision() throws Exception {
    String request = submit("anna");
    String casePath = "/api/v1/cases/" + request;
    client.post(casePath + "/assignment").as("clara").json("{\"assignee\":\"clara\"}").expect(200);
    upload(
            request,
            "clara",
            new Form().file("f.pdf", "application/pdf", pdf("f", 500)).field("purpose", "question"))
        .expect(409); // no question open
    String question =
        client
            .post(casePath + "/information-requests")
            .as("clara")
            .json(
                "{\"question\":\"Bitte Formular\",\"dueDate\":\""
                    + LocalDate.now().plusDays(14)
                    + "\"}")
            .expect(200)
            .path("informationRequests")
            .get(0)
            .path("id")
            .asText();
    JsonNode form =
        upload(
                request,
                "clara",
                new Form()
                    .file("Formular.pdf", "application/pdf", pdf("Formular", 500))
                    .field("purpose", "question"))
            .expect(201)
            .json();
    assertThat(form.path("informationRequestId").asText()).isEqualTo(question);
    JsonNode answer =
        upload(
                request,
                "anna",
                new Form().file("Antwort.png", "image/png", png(2_000)).field("purpose", "answer"))
            .expect(201)
            .json();
    assertThat(answer.path("mediaType").asText()).isEqualTo("image/png");
    assertThat(answer.path("informationRequestId").asText()).isEqualTo(question);
    // a citizen cannot attach for the office, nor a clerk for the applicant
    upload(
            request,
            "anna",
            new Form()
                .file("x.pdf", "application/pdf", pdf("x", 500))
                .field("purpose", "decision_letter"))
        .expect(400);
    upload(request, "clara", new Form().file("x.pdf", "application/pdf", pdf("x", 500)))
        .expect(400);
    client
        .post("/api/v1/requests/" + request + "/answers")
        .as("anna")
        .json("{\"text\":\"Siehe Anlage\"}")
        .expect(200);
    client
        .post(casePath + "/decision")
        .as("clara")
        .json("{\"outcome\":\"approved\",\"reasoning\":\"ok\",\"legalBasis\":\"§ 18 BMG\"}")
        .expect(200);
    JsonNode letter =
        upload(
                request,
                "clara",
                new Form()
                    .file("Bescheid.pdf", "application/pdf", pdf("Bescheid", 800))
                    .field("purpose", "decision_letter"))
            .expect(201)
            .json();
    TestClient.Response late =
        upload(request, "anna", new Form().file("spaet.pdf", "application/pdf", pdf("x", 500)))
            .expect(409);
    assertThat(late.json().path("code").asText()).isEqualTo("NOT_OPEN");
    JsonNode mine = listed(request, "anna");
    assertThat(mine.path("items").findValuesAsText("purpose"))
        .containsExactly("QUESTION", "ANSWER", "DECISION_LETTER");
    assertThat(mine.path("items").findValuesAsText("attachedBy"))
        .containsExactly("OFFICE", "APPLICANT", "OFFICE");
    TestClient.Download download =
        client
            .get("/api/v1/requests/" + request + "/attachments/" + letter.path("id").asText())
            .as("anna")
            .download();
    assertThat(download.response().expect(200).header("Content-Type")).contains("application/pdf");
  }

  @Test
  @Order(5)
  void aCitizenUploadsAtMostTheHourlyLimit() throws Exception {
    String request = submit("ben");
    for (int i = 0; i < 12; i++) {
      upload(request, "ben", new Form().file("p" + i + ".png", "image/png", png(500 + i)))
          .expect(201);
    }
    TestClient.Response refused =
        upload(request, "ben", new Form().file("p.png", "image/png", png(600))).expect(429);
    assertThat(refused.isProblem()).isTrue();
    assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(1L, 3600L);
    assertThat(listed(request, "ben").path("items").size()).isEqualTo(12);
    // a clerk is no citizen: not counted
    client.get("/api/v1/requests/" + request + "/attachments").as("clara").expect(200);
  }

  @Test
  @Order(6)
  void afterErasureTheDocumentIsGoneAndWasNeverOnDiskInPlainText() throws Exception {
    String request = annasRequest();
    assertThat(DataFiles.containing(dataDir, CANARY))
        .as("files with the document's text")
        .isEmpty();
    assertThat(DataFiles.containing(dataDir, NAME_CANARY)).as("files with its name").isEmpty();
    String id = listed(request, "anna").path("items").get(0).path("id").asText();
    JsonNode export = client.get("/api/v1/privacy/me").as("anna").expect(200);
    JsonNode held = null;
    for (JsonNode document : export.path("documents")) {
      if (document.path("id").asText().equals(id)) {
        held = document;
      }
    }
    assertThat(held).as("the document in the export").isNotNull();
    assertThat(held.path("name").asText()).isEqualTo(NAME_CANARY + ".pdf");
    assertThat(held.path("download").asText())
        .isEqualTo("/api/v1/requests/" + request + "/attachments/" + id);
    assertThat(held.path("erased").asBoolean()).isFalse();

    client
        .post("/api/v1/privacy/subjects/anna/erasure")
        .as("ada")
        .json("{\"reason\":\"CONSENT_WITHDRAWN\"}")
        .expect(200);

    for (String reader : new String[] {"anna", "clara"}) {
      TestClient.Response gone =
          client
              .get("/api/v1/requests/" + request + "/attachments/" + id)
              .as(reader)
              .download()
              .response();
      assertThat(gone.status()).as(reader).isEqualTo(410);
      assertThat(gone.isProblem()).isTrue();
      assertThat(gone.json().path("type").asText()).endsWith("/attachment-erased");
    }
    JsonNode item = listed(request, "anna").path("items").get(0);
    assertThat(item.path("erased").asBoolean()).isTrue();
    assertThat(item.path("name").asText()).isEqualTo("[erased]");
    assertThat(item.path("sha256").asText()).hasSize(64); // what was filed stays provable
    JsonNode after = client.get("/api/v1/privacy/me").as("anna").expect(200);
    assertThat(after.path("documents").findValuesAsText("erased")).contains("true");
    assertThat(after.toString()).doesNotContain(NAME_CANARY);

    assertThat(DataFiles.containing(dataDir, CANARY)).isEmpty();
    assertThat(DataFiles.containing(dataDir, NAME_CANARY)).isEmpty();
  }
}
