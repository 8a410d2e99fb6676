package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.rathaus.api.TestClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a signed-in citizen has besides their requests' pages: the receipt of a submission, their
 * documents, their data with the access log and how to have it erased, and the map pin on a report.
 * Who may open which page (another citizen's request is the 404 page, staff get 403), the CSRF
 * token on every change, hostile names and texts staying text; the journey in chromium, checked by
 * axe-core on every page. The map's tiles point to a port on 127.0.0.1 where nothing listens: the
 * test never reaches the network, and the tiles fail as they would offline.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "rathaus.transparency.checkpoint-interval=1s",
      "rathaus.attachments.max-file-size=64KB",
    })
@DirtiesContext
class PortalCitizenExtrasBrowserIT {

  static final String HOSTILE = PortalCitizenBrowserIT.HOSTILE;
  static final String FORM = PortalCitizenBrowserIT.FORM;

  static final List<String> CALLERS =
      Arrays.asList(null, "anna", "ben", "clara", "carl", "mona", "udo", "ada", "otto");

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  static PortalBrowser browser;

  @LocalServerPort int port;
  WebDriver page;

  @AfterAll
  static void stopBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  // --- without a browser

  /** Submits a Meldebescheinigung through the portal as {@code session}'s citizen: its id. */
  private String submit(PortalSession session, String description) {
    HttpResponse<String> form = session.get(FORM);
    assertThat(form.statusCode()).isEqualTo(200);
    HttpResponse<String> sent =
        session.send(
            "POST",
            FORM,
            List.of(
                Map.entry("_csrf", PortalSession.token(form.body())),
                Map.entry("formular", PortalSession.formId(form.body())),
                Map.entry("a_certificate_kind", "simple"),
                Map.entry("a_purpose", "Nachweis"),
                Map.entry("a_delivery", "post"),
                Map.entry("a_copies", "1"),
                Map.entry("description", description),
                Map.entry("name", "Anna Beispiel")));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    String location = sent.headers().firstValue("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /** The portal's answer until it is not 202 (a receipt waits for the next signed checkpoint). */
  private static HttpResponse<String> ready(PortalSession session, String path) {
    // a receipt waits for the next checkpoint, and the sealing for any position another writer
    // reserved and left open: given up after twice the writer's lease (RATHAUS_EVENTSTORE_LEASE, 10
    // s)
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    HttpResponse<String> answer = session.get(path);
    while (answer.statusCode() == 202 && System.nanoTime() < until) {
      assertThat(answer.headers().firstValue("Retry-After")).isPresent();
      assertThat(answer.body()).contains("noch nicht bereit");
      sleep(200);
      answer = session.get(path);
    }
    return answer;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Each caller's answer on each page: 302 to the login, 200 for anna, 404 for ben, else 403. */
  private void roleMatrix(List<String> annasPages, List<String> anyCitizensPages) {
    for (String caller : CALLERS) {
      PortalSession session =
          caller == null ? new PortalSession(port) : PortalSession.of(port, caller);
      for (String path : concat(annasPages, anyCitizensPages)) {
        HttpResponse<String> answer = session.get(path);
        String as = path + " as " + caller;
        if (caller == null) {
          assertThat(answer.statusCode()).as(as).isEqualTo(302);
          assertThat(answer.headers().firstValue("Location").orElseThrow())
              .as(as)
              .endsWith("/login");
        } else if (caller.equals("anna")) {
          assertThat(answer.statusCode()).as(as).isIn(200, 202);
        } else if (caller.equals("ben")) {
          assertThat(answer.statusCode()).as(as).isEqualTo(annasPages.contains(path) ? 404 : 200);
          if (annasPages.contains(path)) {
            assertThat(answer.body()).as(as).contains("Seite nicht gefunden");
          }
        } else {
          assertThat(answer.statusCode()).as(as).isEqualTo(403);
          assertThat(answer.body()).as(as).contains("Kein Zugriff");
        }
      }
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  @Test
  void theReceiptIsTheApisDocumentAsAFileForTheApplicantOnly() throws Exception {
    PortalSession anna = PortalSession.of(port, "anna");
    String id = submit(anna, "Quittung bitte");
    String receipt = "/portal/anliegen/" + id + "/quittung";
    assertThat(anna.get("/portal/anliegen/" + id).body()).contains("href=\"" + receipt + "\"");

    HttpResponse<String> file = ready(anna, receipt);
    assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment")
        .contains("quittung-HN-");
    JsonNode portal = JSON.readTree(file.body());
    JsonNode api =
        new TestClient(port).get("/api/v1/requests/" + id + "/receipt").as("anna").expect(200);
    assertThat(portal.path("requestId").asText()).isEqualTo(id);
    assertThat(portal.path("leaf")).isEqualTo(api.path("leaf"));
    assertThat(portal.path("leafHash")).isEqualTo(api.path("leafHash"));
    assertThat(portal.path("position")).isEqualTo(api.path("position"));
    assertThat(portal.path("checkpoint").path("signature").asText()).isNotBlank();

    roleMatrix(List.of(receipt), List.of());
    assertThat(anna.get("/portal/anliegen/" + "x".repeat(101) + "/quittung").statusCode())
        .isEqualTo(404);
  }

  static final byte[] PDF =
      "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  static final byte[] PDF_TWO =
      "%PDF-1.4\n% zwei\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** Uploads through the request page's form as {@code session}: the portal's answer. */
  private static HttpResponse<String> upload(
      PortalSession session, String id, String name, byte[] content, String purpose) {
    String page = session.get("/portal/anliegen/" + id).body();
    List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
    fields.add(Map.entry("_csrf", PortalSession.token(page)));
    fields.add(Map.entry("formular", PortalSession.formId(page)));
    if (purpose != null) {
      fields.add(Map.entry("zweck", purpose));
    }
    return session.sendMultipart(
        "/portal/anliegen/" + id + "/anlagen", fields, "datei", name, content);
  }

  @Test
  void aDocumentIsFiledThroughTheApisChecksAndOnlyItsApplicantFetchesIt() throws Exception {
    PortalSession anna = PortalSession.of(port, "anna");
    String id = submit(anna, "Mit Unterlagen");
    String request = "/portal/anliegen/" + id;
    assertThat(anna.get(request).body())
        .contains("enctype=\"multipart/form-data\"", "höchstens 64 KB", "PDF, JPEG, PNG");

    HttpResponse<String> filed = upload(anna, id, HOSTILE + ".pdf", PDF, null);
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(303);
    assertThat(filed.headers().firstValue("Location").orElseThrow())
        .endsWith(request + "?dokument=ok#unterlagen");
    HttpResponse<String> shown = anna.get(request + "?dokument=ok");
    assertThat(shown.body())
        .contains("Die Unterlage ist eingegangen")
        .doesNotContain("<script>alert")
        .doesNotContain("<img src=x");
    JsonNode listed =
        new TestClient(port).get("/api/v1/requests/" + id + "/attachments").as("anna").expect(200);
    assertThat(listed.path("items")).hasSize(1);
    JsonNode document = listed.path("items").get(0);
    assertThat(document.path("purpose").asText()).isEqualTo("SUPPORTING_DOCUMENT");
    assertThat(document.path("mediaType").asText()).isEqualTo("application/pdf");
    String download = request + "/anlagen/" + document.path("id").asText();
    assertThat(shown.body()).contains("href=\"" + download + "\"");
    HttpResponse<byte[]> bytes = anna.bytes(download);
    assertThat(bytes.statusCode()).isEqualTo(200);
    assertThat(bytes.body()).isEqualTo(PDF);
    assertThat(bytes.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment");
    assertThat(bytes.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

    // the same form sent twice files the document once
    String page = anna.get(request).body();
    List<Map.Entry<String, String>> again =
        List.of(
            Map.entry("_csrf", PortalSession.token(page)),
            Map.entry("formular", PortalSession.formId(page)));
    String uploads = request + "/anlagen";
    assertThat(anna.sendMultipart(uploads, again, "datei", "zwei.pdf", PDF).statusCode())
        .isEqualTo(303);
    assertThat(anna.sendMultipart(uploads, again, "datei", "zwei.pdf", PDF).statusCode())
        .isEqualTo(303);
    assertThat(
            new TestClient(port)
                .get("/api/v1/requests/" + id + "/attachments")
                .as("anna")
                .expect(200)
                .path("items"))
        .hasSize(2);
    // that form again with another file (the back button after a success): told on the page
    HttpResponse<String> reused = anna.sendMultipart(uploads, again, "datei", "drei.pdf", PDF_TWO);
    assertThat(reused.statusCode()).isEqualTo(409);
    assertThat(reused.body())
        .contains("Dieses Formular wurde schon gesendet", "id=\"datei-error\"")
        .doesNotContain("\"type\"");

    // a body that is no multipart form at all, even signed out: no 500
    for (PortalSession who : List.of(new PortalSession(port), anna)) {
      HttpResponse<String> broken =
          who.sendRaw("POST", uploads, "multipart/form-data", "kein Formular");
      assertThat(broken.statusCode()).as(broken.body()).isIn(400, 403);
    }

    // refusals: the page again with the reason at the field, the API's status, nothing stored
    byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    HttpResponse<String> wrongType = upload(anna, id, "Nachweis.pdf", zip, null);
    assertThat(wrongType.statusCode()).isEqualTo(415);
    assertThat(wrongType.body())
        .contains("Diese Art von Datei nimmt die Stadt nicht an", "id=\"datei-error\"");
    HttpResponse<String> empty = upload(anna, id, "leer.pdf", new byte[0], null);
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("nicht leer ist");
    HttpResponse<String> none = upload(anna, id, "x", null, null);
    assertThat(none.statusCode()).isEqualTo(422);
    byte[] large = java.util.Arrays.copyOf(PDF, 64 * 1024 + 1);
    // over the container's limit: refused before the form is read, told at the field
    HttpResponse<String> tooLarge = upload(anna, id, "gross.pdf", large, null);
    assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(303);
    String toldAt = tooLarge.headers().firstValue("Location").orElseThrow();
    assertThat(toldAt).endsWith(request + "?dokument=zu-gross#unterlagen");
    assertThat(anna.get(toldAt.replace("#unterlagen", "")).body())
        .contains("größer als erlaubt", "id=\"datei-error\"");
    HttpResponse<String> noToken =
        anna.sendMultipart(uploads, List.of(Map.entry("formular", "x")), "datei", "ohne.pdf", PDF);
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(
            new TestClient(port)
                .get("/api/v1/requests/" + id + "/attachments")
                .as("anna")
                .expect(200)
                .path("items"))
        .hasSize(2);

    // another citizen's request, or staff: as every citizen page
    PortalSession ben = PortalSession.of(port, "ben");
    HttpResponse<String> bens = upload(ben, submit(ben, "Bens"), "b.pdf", PDF, null);
    assertThat(bens.statusCode()).isEqualTo(303);
    String benPage = ben.get("/portal/anliegen").body();
    HttpResponse<String> intoAnnas =
        ben.sendMultipart(
            uploads,
            List.of(Map.entry("_csrf", PortalSession.token(benPage))),
            "datei",
            "fremd.pdf",
            PDF);
    assertThat(intoAnnas.statusCode()).isEqualTo(404);
    roleMatrix(List.of(download), List.of());
    assertThat(anna.get(request + "/anlagen/nicht-da").statusCode()).isEqualTo(404);
  }

  @Test
  void annaFilesADocumentAndFetchesHerReceiptInTheBrowser() throws Exception {
    PortalSession api = PortalSession.of(port, "anna");
    String id = submit(api, "Im Browser " + HOSTILE);
    freshCitizen();
    // the request's page asks to sign in first, and comes back after it
    open("/portal/anliegen/" + id);
    page.findElement(org.openqa.selenium.By.id("username")).sendKeys("anna");
    page.findElement(org.openqa.selenium.By.id("password")).sendKeys(TestClient.DEMO_PASSWORD);
    page.findElement(org.openqa.selenium.By.cssSelector("button[type=submit]")).click();
    waitFor(
        org.openqa.selenium.support.ui.ExpectedConditions.urlMatches(
            ".*/portal/anliegen/" + id + "$"));
    browser.checked("citizen-request-documents");
    Path file =
        dataDir
            .resolveSibling(dataDir.getFileName() + "-upload")
            .resolve(HOSTILE.replaceAll("[^A-Za-z0-9]", "_") + ".pdf");
    java.nio.file.Files.createDirectories(file.getParent());
    java.nio.file.Files.write(file, PDF);
    page.findElement(org.openqa.selenium.By.id("datei")).sendKeys(file.toString());
    page.findElement(
            org.openqa.selenium.By.cssSelector(
                "section[aria-labelledby=unterlagen] form button[type=submit]"))
        .click();
    waitFor(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("dokument=ok"));
    browser.checked("citizen-request-document-filed");
    assertThat(page.findElement(org.openqa.selenium.By.cssSelector("ul.documents")).getText())
        .contains(".pdf", "Nachweis zum Antrag");
    assertThat(page.findElements(org.openqa.selenium.By.cssSelector("main script"))).isEmpty();

    // a file the city does not take: the reason at the field, focusable from the summary
    java.nio.file.Files.write(file, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0});
    page.findElement(org.openqa.selenium.By.id("datei")).sendKeys(file.toString());
    page.findElement(
            org.openqa.selenium.By.cssSelector(
                "section[aria-labelledby=unterlagen] form button[type=submit]"))
        .click();
    waitFor(org.openqa.selenium.support.ui.ExpectedConditions.titleContains("Es gibt ein Problem"));
    browser.checked("citizen-request-document-refused");
    assertThat(page.findElement(org.openqa.selenium.By.id("datei-error")).getText())
        .contains("nimmt die Stadt nicht an");

    String receipt = "/portal/anliegen/" + id + "/quittung";
    assertThat(page.findElement(org.openqa.selenium.By.id("quittung-link")).getAttribute("href"))
        .endsWith(receipt);
    assertThat(ready(api, receipt).statusCode()).isEqualTo(200);
    java.nio.file.Files.delete(file);

    page.findElement(org.openqa.selenium.By.linkText("Meine Daten")).click();
    waitFor(org.openqa.selenium.support.ui.ExpectedConditions.urlMatches(".*/portal/meine-daten$"));
    browser.checked("citizen-my-data");
    assertThat(page.findElement(org.openqa.selenium.By.cssSelector("table.reads")).getText())
        .contains("Sie selbst", "Ihr Anliegen angesehen");
    assertThat(page.findElement(org.openqa.selenium.By.id("export-link")).getAttribute("href"))
        .endsWith("/portal/meine-daten/export");
  }

  @Test
  void myDataShowsWhoReadItHandsItAllOutAsAFileAndSaysHowToHaveItErased() throws Exception {
    PortalSession anna = PortalSession.of(port, "anna");
    String id = submit(anna, "Meine Daten " + HOSTILE);
    assertThat(anna.get("/portal/anliegen/" + id).statusCode()).isEqualTo(200);
    new TestClient(port).get("/api/v1/cases/" + id).as("clara").expect(200);

    HttpResponse<String> page = anna.get("/portal/meine-daten");
    assertThat(page.statusCode()).isEqualTo(200);
    String caseNumber =
        new TestClient(port)
            .get("/api/v1/requests/" + id)
            .as("anna")
            .expect(200)
            .path("caseNumber")
            .asText();
    assertThat(page.body())
        .contains(
            "Wer hat meine Daten gelesen?",
            "Sie selbst",
            "Ihr Anliegen angesehen",
            "Sachbearbeitung",
            "Vorgang bearbeitet oder angesehen",
            "href=\"/portal/anliegen/" + id + "\"",
            caseNumber,
            "Löschung verlangen",
            "href=\"/portal/datenschutz\"",
            "href=\"/portal/meine-daten/export\"")
        .contains("aria-current=\"page\">Meine Daten</a>");

    HttpResponse<String> file = anna.get("/portal/meine-daten/export");
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment")
        .contains("meine-daten.json");
    JsonNode data = JSON.readTree(file.body());
    JsonNode api = new TestClient(port).get("/api/v1/privacy/me").as("anna").expect(200);
    assertThat(data.path("subjectId")).isEqualTo(api.path("subjectId"));
    assertThat(file.body()).contains("\"" + id + "\"");
    assertThat(file.body()).contains("Meine Daten");
    // the hand-out is itself recorded, as the API's is
    assertThat(anna.get("/portal/meine-daten").body()).contains("Alle Daten herausgegeben");

    // ben sees his own reads only
    PortalSession ben = PortalSession.of(port, "ben");
    assertThat(ben.get("/portal/meine-daten").body()).doesNotContain(caseNumber);
    assertThat(ben.get("/portal/meine-daten/export").body()).doesNotContain(id);

    // a cursor no page made
    HttpResponse<String> bad = anna.get("/portal/meine-daten?weiter=%25%25kein-cursor");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("Diese Seite der Lesezugriffe gibt es nicht");
    assertThat(anna.get("/portal/meine-daten?weiter=" + "x".repeat(201)).statusCode())
        .isEqualTo(400);
    roleMatrix(List.of(), List.of("/portal/meine-daten", "/portal/meine-daten/export"));
  }

  // --- in the browser

  private void freshCitizen() {
    if (browser == null) {
      browser = PortalBrowser.start();
    }
    page = browser.driver();
    open("/portal/impressum");
    page.manage().deleteAllCookies();
  }

  private void open(String path) {
    page.get("http://127.0.0.1:" + port + path);
  }

  private void waitFor(ExpectedCondition<?> condition) {
    try {
      new WebDriverWait(page, Duration.ofSeconds(10)).until(condition);
    } catch (org.openqa.selenium.TimeoutException timedOut) {
      throw new AssertionError(
          "Waited in vain at " + page.getCurrentUrl() + ":\n" + page.getPageSource(), timedOut);
    }
  }
}
