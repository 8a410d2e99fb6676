package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.rathaus.api.TestClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The auditors' pages on the running engine: a request submitted by anna through the API (its free
 * text a script and an {@code onerror} image) and taken by clara, then udo signs in through the
 * demo login form, filters the audit trail for the case, opens its history, moves the time slider
 * back to the submission and sees the state then ({@code SUBMITTED}, not the later {@code
 * IN_PROGRESS}), rebuilds a read model and watches the progress bar reach 100 %, and verifies the
 * log. Every page in chromium is checked by axe-core ({@link PortalBrowser#checked}). Without a
 * browser: every demo role gets the answer the API's rules give it on every page, no change goes
 * without the CSRF token, the hostile text stays text, and personal values show as the API shows
 * them to an auditor (masked) and to the data-protection officer (decrypted).
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalAuditBrowserIT {

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String HOSTILE = SCRIPT + "\"><img src=x onerror=alert(1)>";
  static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
  static final String APPLICANT = "Anna Prüfbeispiel";
  static final List<String> CALLERS =
      Arrays.asList(null, "anna", "ben", "clara", "carl", "mona", "udo", "ada", "otto");
  static final ObjectMapper JSON = new ObjectMapper();
  static final java.util.regex.Pattern NAV_ENTRY =
      java.util.regex.Pattern.compile("href=\"/portal/pruefung/ereignisse\"[^>]*>Prüfung</a>");

  /** The engine's data directory (made here: with one test instance the context starts first). */
  static final Path dataDir;

  static {
    try {
      dataDir = java.nio.file.Files.createTempDirectory("rathaus-portal-audit");
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try (var files = java.nio.file.Files.walk(dataDir)) {
                      files
                          .sorted(java.util.Comparator.reverseOrder())
                          .forEach(f -> f.toFile().delete());
                    } catch (java.io.IOException e) {
                      // a temporary directory left behind
                    }
                  }));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;

  TestClient client;
  String request;
  String readModel;
  PortalBrowser browser;
  WebDriver page;

  @AfterAll
  void stopBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  /** anna's request with hostile free text, taken by clara (SUBMITTED, then IN_PROGRESS). */
  @BeforeAll
  void seed() {
    client = new TestClient(port);
    ObjectNode body = JSON.createObjectNode();
    body.put("serviceCode", "meldebescheinigung");
    ObjectNode attributes = body.putObject("attributes");
    attributes.put("certificate_kind", "simple");
    attributes.put("purpose", "Arbeitgeber");
    attributes.put("delivery", "post");
    attributes.put("copies", 1);
    body.put("description", HOSTILE);
    body.putObject("applicant").put("name", APPLICANT).put("email", "anna.pruef@example.org");
    request =
        client
            .post("/api/v1/requests")
            .as("anna")
            .json(body.toString())
            .expect(201)
            .path("id")
            .asText();
    client
        .post("/api/v1/cases/" + request + "/assignment")
        .as("clara")
        .json("{\"assignee\": \"clara\"}")
        .expect(200);
    assertThat(
            client.get("/api/v1/cases/" + request).as("clara").expect(200).path("status").asText())
        .isEqualTo("IN_PROGRESS");
    List<String> names = new ArrayList<>();
    client
        .get("/api/v1/audit/projections")
        .as("udo")
        .expect(200)
        .path("items")
        .forEach(m -> names.add(m.path("name").asText()));
    assertThat(names).isNotEmpty();
    readModel = names.stream().filter(n -> n.contains("case")).findFirst().orElse(names.get(0));
  }

  private List<String> pages() {
    return List.of(
        "/portal/pruefung/ereignisse",
        "/portal/pruefung/ereignisse?vorgang=" + request,
        "/portal/pruefung/verlauf/" + request,
        "/portal/pruefung/lesemodelle",
        "/portal/pruefung/pruefen");
  }

  /** What the API's rules give each role: udo everything, ada all but the verification. */
  private static int expected(String caller, String path) {
    if ("udo".equals(caller)) {
      return 200;
    }
    if ("ada".equals(caller)) {
      return path.startsWith("/portal/pruefung/pruefen") ? 403 : 200;
    }
    return 403;
  }

  @Test
  void everyRoleGetsTheAnswerTheApiGivesItAndNoChangeGoesWithoutTheToken() {
    for (String caller : CALLERS) {
      PortalSession session = PortalSession.of(port, caller);
      for (String path : pages()) {
        HttpResponse<String> answer = session.get(path);
        String as = path + " as " + caller;
        if (caller == null) {
          assertThat(answer.statusCode()).as(as).isEqualTo(302);
          assertThat(answer.headers().firstValue("Location").orElseThrow())
              .as(as)
              .endsWith("/login");
          continue;
        }
        assertThat(answer.statusCode()).as(as).isEqualTo(expected(caller, path));
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
            .startsWith("text/html");
        assertThat(answer.headers().firstValue("Content-Security-Policy")).as(as).isPresent();
        if (answer.statusCode() == 403) {
          assertThat(answer.body()).as(as).contains("Kein Zugriff").doesNotContain(request);
        }
        // the navigation's entry is the auditors'
        assertThat(NAV_ENTRY.matcher(answer.body()).find()).as(as).isEqualTo("udo".equals(caller));
      }
      HttpResponse<String> refused =
          session.send(
              "POST", "/portal/pruefung/lesemodelle/" + readModel + "/neuaufbau", Map.of("x", "y"));
      assertThat(refused.statusCode()).as("POST without token as " + caller).isEqualTo(403);
    }
    PortalSession udo = PortalSession.of(port, "udo");
    assertThat(udo.get("/portal/pruefung/verlauf/kein-solcher-vorgang").statusCode())
        .isEqualTo(404);
    assertThat(udo.get("/portal/pruefung/lesemodelle/unbekannt/x").statusCode()).isEqualTo(404);
    // the read models' page follows the progress through the portal (the API's own answer, under
    // the portal's sign-in, which outside demo mode the API would not take)
    HttpResponse<String> progress = udo.get("/portal/pruefung/lesemodelle/" + readModel + "/stand");
    assertThat(progress.statusCode()).isEqualTo(200);
    assertThat(progress.body()).contains("\"name\":\"" + readModel + "\"");
    assertThat(
            PortalSession.of(port, "anna")
                .get("/portal/pruefung/lesemodelle/" + readModel + "/stand")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void hostileTextStaysTextAndPersonalValuesShowAsTheApiShowsThem() {
    String api =
        client
            .get("/api/v1/audit/aggregates/" + request + "/history")
            .as("udo")
            .expect(200)
            .toString();
    assertThat(api).doesNotContain(APPLICANT);
    PortalSession udo = PortalSession.of(port, "udo");
    for (String path :
        List.of(
            "/portal/pruefung/verlauf/" + request,
            "/portal/pruefung/verlauf/" + request + "?ereignis=0",
            "/portal/pruefung/ereignisse?vorgang=" + request)) {
      String body = udo.get(path).body();
      assertThat(body).as(path).doesNotContain(SCRIPT).doesNotContain("<img src=x");
      assertThat(body).as(path).doesNotContain(APPLICANT).contains("[personal]");
      if (api.contains("alert(1)")) {
        assertThat(body).as(path).contains(ESCAPED);
      }
    }
    // the data-protection officer reads them decrypted, as the API gives them to her
    String adas =
        client
            .get("/api/v1/audit/aggregates/" + request + "/history")
            .as("ada")
            .expect(200)
            .toString();
    String page = PortalSession.of(port, "ada").get("/portal/pruefung/verlauf/" + request).body();
    assertThat(page.contains(APPLICANT)).isEqualTo(adas.contains(APPLICANT));
    assertThat(page).doesNotContain(SCRIPT).doesNotContain("<img src=x");
  }

  // --- in the browser

  private void open(String path) {
    page.get("http://127.0.0.1:" + port + path);
  }

  private <T> T waitFor(ExpectedCondition<T> condition) {
    return new WebDriverWait(page, Duration.ofSeconds(60)).until(condition);
  }

  /** Clicks what leads to another page and waits until that page replaced this one. */
  private void follow(WebElement element) {
    WebElement before = page.findElement(By.tagName("html"));
    element.click();
    new WebDriverWait(page, Duration.ofSeconds(30)).until(PortalBrowser.replaced(before));
  }

  private void inert(String name) {
    assertThatThrownBy(() -> page.switchTo().alert())
        .as("no alert on " + name)
        .isInstanceOf(NoAlertPresentException.class);
    assertThat(page.findElements(By.cssSelector("main img"))).as(name).isEmpty();
  }

  private String status() {
    return page.findElement(By.id("stand-status")).getText();
  }

  @Test
  void anAuditorFollowsACaseBackInTimeRebuildsAReadModelAndVerifiesTheLog() {
    browser = PortalBrowser.start();
    page = browser.driver();
    open("/portal/pruefung/ereignisse");
    waitFor(ExpectedConditions.urlMatches(".*/login$"));
    page.findElement(By.id("username")).sendKeys("udo");
    page.findElement(By.id("password")).sendKeys(TestClient.DEMO_PASSWORD);
    page.findElement(By.cssSelector("button[type=submit]")).click();
    waitFor(ExpectedConditions.urlMatches(".*/portal/pruefung/ereignisse$"));
    browser.checked("audit-trail");
    assertThat(page.findElement(By.linkText("Prüfung")).getAttribute("aria-current"))
        .isEqualTo("page");

    page.findElement(By.id("vorgang")).sendKeys(request);
    follow(page.findElement(By.cssSelector("form.audit-filter button[type=submit]")));
    browser.checked("audit-trail-filtered");
    List<WebElement> rows = page.findElements(By.cssSelector("table.audit-table tbody tr"));
    assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
    rows.forEach(r -> assertThat(r.getText()).contains(request));
    assertThat(page.findElement(By.tagName("main")).getText())
        .contains("ServiceRequestSubmitted", "clara");
    inert("audit-trail-filtered");

    follow(page.findElements(By.linkText(request)).get(0));
    browser.checked("audit-history");
    assertThat(status()).isEqualTo("IN_PROGRESS");
    inert("audit-history");

    // the slider back to the first event, by keyboard, and its button
    WebElement slider = page.findElement(By.id("ereignis"));
    slider.sendKeys(Keys.HOME);
    assertThat(page.findElement(By.id("ereignis-wert")).getText()).isEqualTo("Ereignis Nr. 0");
    follow(page.findElement(By.cssSelector("form[data-zeitleiste] button[type=submit]")));
    assertThat(page.getCurrentUrl()).contains("ereignis=0");
    assertThat(status()).isEqualTo("SUBMITTED");
    browser.checked("audit-history-earlier");
    inert("audit-history-earlier");

    // a rebuild, followed live until done
    follow(page.findElement(By.linkText("Lesemodelle")));
    browser.checked("audit-models");
    follow(page.findElement(By.cssSelector("#modell-" + readModel + " form button[type=submit]")));
    assertThat(page.getCurrentUrl()).contains("gestartet=" + readModel);
    By text = By.id("fortschritt-text-" + readModel);
    waitFor(ExpectedConditions.textToBePresentInElementLocated(text, "fertig"));
    assertThat(page.findElement(text).getText()).contains("(100 %)");
    WebElement bar = page.findElement(By.id("fortschritt-" + readModel));
    assertThat(bar.getAttribute("value")).isEqualTo(bar.getAttribute("max"));
    assertThat(page.findElement(text).getAttribute("aria-live")).isEqualTo("polite");
    waitFor(ExpectedConditions.textToBe(By.id("zustand-" + readModel), "in Betrieb"));
    browser.checked("audit-models-done");

    // the verification, once a checkpoint seals the case's events
    waitFor(
        d ->
            client.get("/api/v1/audit/checkpoints/latest").send().status() == 200
                && client
                    .get("/api/v1/audit/verification")
                    .as("udo")
                    .expect(200)
                    .path("valid")
                    .asBoolean());
    follow(page.findElement(By.linkText("Historie prüfen")));
    browser.checked("audit-verify");
    follow(page.findElement(By.xpath("//button[normalize-space()='Jetzt prüfen']")));
    assertThat(page.findElement(By.id("ergebnis")).getText())
        .contains("Gültig: Die Historie ist unverändert.", "Positionen nachgerechnet");
    browser.checked("audit-verify-result");
    page.findElement(By.id("position")).sendKeys("1");
    follow(page.findElement(By.xpath("//button[normalize-space()='Inklusionsbeweis anzeigen']")));
    assertThat(page.findElement(By.tagName("main")).getText()).contains("leafHash", "rootHash");
    browser.checked("audit-verify-proof");
  }
}
