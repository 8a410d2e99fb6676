package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.rathaus.api.TestClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The staff's pages: an administrator drafts a service (a mistake shown at its field first),
 * publishes it so that the public catalogue lists it, and retires it; issues an Open311 key, sees
 * it once, and revokes it; a moderator hides a proposal with a reason, which the public moderation
 * log shows, and restores it. In chromium, every page checked by axe-core. Without a browser: which
 * demo role gets which answer on every staff page, no change without the CSRF token, and scripts
 * typed into every free-text field staying text on every page that shows them.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalAdministrationBrowserIT {

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String HOSTILE = SCRIPT + "\"><img src=x onerror=alert(1)>";
  static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
  static final List<String> CALLERS =
      Arrays.asList(null, "anna", "ben", "clara", "carl", "mona", "udo", "ada", "otto");
  static final ObjectMapper JSON = new ObjectMapper();

  static final Path dataDir;

  static {
    try {
      dataDir = java.nio.file.Files.createTempDirectory("rathaus-portal-admin");
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

  PortalBrowser browser;
  WebDriver page;
  TestClient client;

  String consultation;
  String benches;
  String rude;
  String comment;

  @AfterAll
  void stopBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  /** An open consultation with two proposals of anna's, one with a comment of ben's. */
  @BeforeAll
  void participation() {
    client = new TestClient(port);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    consultation =
        client
            .post("/api/v1/consultations")
            .as("ada")
            .json(
                """
                {"title": {"de": "Plätze am Neckar"}, "description": {"de": "Worum es geht"},
                 "actionField": "mobilitaet", "sustainabilityGoals": [11], "format": "IDEAS",
                 "opensAt": "%s", "closesAt": "%s"}
                """
                    .formatted(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))))
            .expect(201)
            .path("id")
            .asText();
    client
        .post("/api/v1/consultations/" + consultation + "/phase")
        .as("ada")
        .json("{\"phase\": \"OPEN\"}")
        .expect(200);
    benches = proposal("Mehr Bänke am Neckarufer");
    rude = proposal("Ein lauter Vorschlag");
    ObjectNode body = JSON.createObjectNode();
    body.put("text", "Gute Idee");
    body.put("displayName", "Ben");
    comment =
        client
            .post("/api/v1/proposals/" + rude + "/comments")
            .as("ben")
            .json(body.toString())
            .expect(201)
            .path("id")
            .asText();
  }

  private String proposal(String title) {
    ObjectNode body = JSON.createObjectNode();
    body.put("title", title);
    body.put("text", "Text: " + title);
    body.put("displayName", "Anna A.");
    return client
        .post("/api/v1/consultations/" + consultation + "/proposals")
        .as("anna")
        .json(body.toString())
        .expect(201)
        .path("id")
        .asText();
  }

  // --- without a browser

  @Test
  void onlyTheRightStaffOpenEachPageAndNothingChangesWithoutTheToken() {
    List<String> forModerators =
        List.of(
            "/portal/verwaltung",
            "/portal/verwaltung/moderation",
            "/portal/verwaltung/moderation/" + benches);
    List<String> forAdmins =
        List.of(
            "/portal/verwaltung/leistungen",
            "/portal/verwaltung/leistungen/neu",
            "/portal/verwaltung/leistungen/meldebescheinigung",
            "/portal/verwaltung/open311",
            "/portal/verwaltung/loeschung");
    List<String> posts =
        List.of(
            "/portal/verwaltung/moderation/" + benches,
            "/portal/verwaltung/leistungen/neu",
            "/portal/verwaltung/leistungen/meldebescheinigung",
            "/portal/verwaltung/leistungen/meldebescheinigung/veroeffentlichung",
            "/portal/verwaltung/leistungen/meldebescheinigung/ruecknahme",
            "/portal/verwaltung/open311",
            "/portal/verwaltung/loeschung");
    for (String caller : CALLERS) {
      PortalSession session =
          caller == null ? new PortalSession(port) : PortalSession.of(port, caller);
      List<String> pages = new ArrayList<>(forModerators);
      pages.addAll(forAdmins);
      for (String path : pages) {
        HttpResponse<String> answer = session.get(path);
        String as = path + " as " + caller;
        boolean allowed =
            "ada".equals(caller) || ("mona".equals(caller) && forModerators.contains(path));
        if (caller == null) {
          assertThat(answer.statusCode()).as(as).isEqualTo(302);
          assertThat(answer.headers().firstValue("Location").orElseThrow())
              .as(as)
              .endsWith("/login");
        } else if (allowed) {
          assertThat(answer.statusCode()).as(as).isEqualTo(200);
          assertThat(answer.body()).as(as).contains("href=\"/portal/verwaltung\"");
        } else {
          assertThat(answer.statusCode()).as(as).isEqualTo(403);
          assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
              .startsWith("text/html");
          assertThat(answer.body()).as(as).contains("Kein Zugriff");
        }
        assertThat(answer.headers().firstValue("Content-Security-Policy")).as(as).isPresent();
      }
      // the staff's entry in the navigation, for staff only
      String start = session.get("/portal").body();
      if ("ada".equals(caller) || "mona".equals(caller)) {
        assertThat(start).as("nav as " + caller).contains("href=\"/portal/verwaltung\"");
      } else {
        assertThat(start).as("nav as " + caller).doesNotContain("href=\"/portal/verwaltung\"");
      }
      for (String path : posts) {
        HttpResponse<String> refused =
            session.send(
                "POST", path, Map.of("aktion", "HIDE", "grund", "x", "name", "x", "code", "x-y"));
        assertThat(refused.statusCode()).as("POST " + path + " as " + caller).isEqualTo(403);
      }
    }
    // unknown ids: the 404 page
    PortalSession ada = PortalSession.of(port, "ada");
    assertThat(ada.get("/portal/verwaltung/leistungen/gibt-es-nicht").statusCode()).isEqualTo(404);
    assertThat(ada.get("/portal/verwaltung/moderation/kein-vorschlag").statusCode()).isEqualTo(404);
  }

  @Test
  void scriptsTypedIntoEveryFieldStayText() {
    PortalSession ada = PortalSession.of(port, "ada");
    String form = ada.get("/portal/verwaltung/leistungen/neu").body();
    HttpResponse<String> drafted =
        ada.send(
            "POST",
            "/portal/verwaltung/leistungen/neu",
            List.of(
                Map.entry("_csrf", PortalSession.token(form)),
                Map.entry("code", "feindlich"),
                Map.entry("name_de", "Feindlich " + HOSTILE),
                Map.entry("name_en", ""),
                Map.entry("description_de", "Beschreibung " + HOSTILE),
                Map.entry("description_en", ""),
                Map.entry("department", "buergeramt"),
                Map.entry("group", "Gruppe " + HOSTILE),
                Map.entry("kind", "REQUEST"),
                Map.entry("fee", "0"),
                Map.entry("days", "5"),
                Map.entry("attr0_code", "hinweis"),
                Map.entry("attr0_datatype", "SINGLEVALUELIST"),
                Map.entry("attr0_de", "Hilfetext " + HOSTILE),
                Map.entry("attr0_en", HOSTILE),
                Map.entry("attr0_values", "a=Wahl " + HOSTILE)));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(303);
    String admin = "/portal/verwaltung/leistungen/feindlich";
    String token = PortalSession.token(ada.get(admin).body());
    assertThat(ada.send("POST", admin + "/veroeffentlichung", Map.of("_csrf", token)).statusCode())
        .isEqualTo(303);
    // a mistake shows what was entered again, escaped
    HttpResponse<String> mistaken =
        ada.send(
            "POST",
            "/portal/verwaltung/leistungen/neu",
            List.of(
                Map.entry("_csrf", token),
                Map.entry("code", HOSTILE),
                Map.entry("name_de", HOSTILE),
                Map.entry("attr0_code", HOSTILE),
                Map.entry("attr0_de", HOSTILE)));
    assertThat(mistaken.statusCode()).isEqualTo(400);
    assertInert("the draft form with mistakes", mistaken.body());
    PortalSession anna = PortalSession.of(port, "anna");
    for (String path :
        List.of(
            admin,
            "/portal/verwaltung/leistungen",
            "/portal/leistungen",
            "/portal/leistungen/feindlich",
            "/portal/leistungen/feindlich/antrag")) {
      String body = (path.startsWith("/portal/leistungen") ? anna : ada).get(path).body();
      assertInert(path, body);
      assertThat(body).as(path).contains("Feindlich " + ESCAPED);
    }
    HttpResponse<String> retired =
        ada.send("POST", admin + "/ruecknahme", Map.of("_csrf", token, "grund", HOSTILE));
    assertThat(retired.statusCode()).isEqualTo(303);
    assertInert(admin, ada.get(admin).body());

    // an Open311 key's name
    HttpResponse<String> issued =
        ada.send(
            "POST",
            "/portal/verwaltung/open311",
            Map.of("_csrf", token, "name", "Schlüssel " + HOSTILE));
    assertThat(issued.statusCode()).isEqualTo(201);
    assertThat(issued.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertInert("the issued key", issued.body());
    String keys = ada.get("/portal/verwaltung/open311").body();
    assertInert("the keys", keys);
    assertThat(keys).contains("Schlüssel " + ESCAPED);

    // a moderation's reason, on the staff's pages and the public ones
    PortalSession mona = PortalSession.of(port, "mona");
    String moderation = "/portal/verwaltung/moderation/" + rude;
    String monasToken = PortalSession.token(mona.get(moderation).body());
    HttpResponse<String> hidden =
        mona.send(
            "POST",
            moderation,
            Map.of("_csrf", monasToken, "aktion", "HIDE", "kommentar", comment, "grund", HOSTILE));
    assertThat(hidden.statusCode()).isEqualTo(303);
    HttpResponse<String> tooLong =
        mona.send(
            "POST",
            moderation,
            Map.of("_csrf", monasToken, "aktion", "HIDE", "grund", HOSTILE + "x".repeat(1000)));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertInert("the reason kept", tooLong.body());
    for (String path :
        List.of(
            moderation,
            "/portal/verwaltung/moderation",
            "/portal/beteiligung/" + consultation + "/moderation",
            "/portal/beteiligung/vorschlag/" + rude)) {
      assertInert(path, mona.get(path).body());
    }
    assertThat(mona.get("/portal/beteiligung/" + consultation + "/moderation").body())
        .contains(ESCAPED);
  }

  private static void assertInert(String where, String body) {
    assertThat(body).as(where).doesNotContain(SCRIPT).doesNotContain("<img src=x");
  }

  // --- in the browser

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

  /** Opens a staff page not signed in: the login form, and after it back to the page. */
  private void signInAt(String path, String account) {
    open("/portal/impressum");
    page.manage().deleteAllCookies();
    open(path);
    waitFor(ExpectedConditions.urlMatches(".*/login$"));
    page.findElement(By.id("username")).sendKeys(account);
    page.findElement(By.id("password")).sendKeys(TestClient.DEMO_PASSWORD);
    page.findElement(By.cssSelector("button[type=submit]")).click();
    waitFor(ExpectedConditions.urlMatches(".*" + path + "$"));
  }

  private void type(String id, String text) {
    WebElement field = page.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  private void submit(String formSelector) {
    page.findElement(By.cssSelector(formSelector + " button[type=submit]")).click();
  }

  @Test
  void adaRunsTheCatalogueAndTheKeysAndMonaModeratesAProposal() {
    browser = PortalBrowser.start();
    page = browser.driver();

    // --- ada drafts a service, a mistake first
    signInAt("/portal/verwaltung/leistungen", "ada");
    browser.checked("admin-services");
    page.findElement(By.linkText("Neue Leistung entwerfen")).click();
    waitFor(ExpectedConditions.urlMatches(".*/leistungen/neu$"));
    browser.checked("admin-service-new");
    type("feld-code", "hundesteuer");
    type("feld-name_de", "Hundesteuer anmelden");
    type("feld-description_de", "Ihren Hund zur Hundesteuer anmelden.");
    new Select(page.findElement(By.id("feld-department"))).selectByValue("buergeramt");
    type("feld-group", "Steuern");
    type("feld-fee", "0");
    type("feld-days", "14");
    type("feld-attr0_code", "rasse");
    new Select(page.findElement(By.id("feld-attr0_datatype"))).selectByValue("SINGLEVALUELIST");
    type("feld-attr0_de", "Größe des Hundes");
    page.findElement(By.cssSelector("label[for=feld-attr0_required]")).click();
    type("feld-attr1_code", "hundename");
    type("feld-attr1_de", "Name des Hundes");
    submit("main form");
    waitFor(ExpectedConditions.titleContains("Es gibt ein Problem"));
    browser.checked("admin-service-new-error");
    assertThat(page.findElement(By.cssSelector(".error-summary")).getText())
        .contains("Feld 1: Auswahlmöglichkeiten");
    assertThat(page.findElement(By.id("feld-attr0_values-error")).getText())
        .contains("mindestens eine Möglichkeit");
    assertThat(page.findElement(By.id("feld-attr0_values")).getAttribute("aria-describedby"))
        .contains("feld-attr0_values-error");
    assertThat(page.findElement(By.id("feld-attr1_de")).getAttribute("value"))
        .isEqualTo("Name des Hundes");
    page.findElement(By.cssSelector(".error-summary a[href='#feld-attr0_values']")).click();
    assertThat(page.switchTo().activeElement().getAttribute("id")).isEqualTo("feld-attr0_values");
    page.switchTo().activeElement().sendKeys("klein=Klein");
    page.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
    page.switchTo().activeElement().sendKeys("gross=Groß");
    submit("main form");
    waitFor(ExpectedConditions.urlContains("/leistungen/hundesteuer?gespeichert"));
    browser.checked("admin-service-drafted");
    assertThat(page.findElement(By.id("status")).getText())
        .isEqualTo("Entwurf, noch nie veröffentlicht");
    assertThat(page.findElement(By.id("feld-name_de")).getAttribute("value"))
        .isEqualTo("Hundesteuer anmelden");

    // --- publishes it: the public catalogue lists it
    page.findElement(By.cssSelector("section[aria-labelledby=stand] button")).click();
    waitFor(ExpectedConditions.urlContains("?veroeffentlicht"));
    browser.checked("admin-service-published");
    assertThat(page.findElement(By.id("status")).getText()).isEqualTo("Veröffentlicht");
    open("/portal/leistungen?q=Hundesteuer");
    browser.checked("public-catalogue-with-the-new-service");
    assertThat(page.findElement(By.tagName("main")).getText()).contains("Hundesteuer anmelden");
    JsonNode published = client.get("/api/v1/services/hundesteuer").expect(200);
    assertThat(published.path("attributes").size()).isEqualTo(2);
    assertThat(published.path("attributes").get(0).path("required").asBoolean()).isTrue();
    assertThat(published.path("attributes").get(0).path("values").size()).isEqualTo(2);

    // --- retires it
    open("/portal/verwaltung/leistungen/hundesteuer");
    type("feld-grund", "Wird durch ein neues Verfahren ersetzt");
    submit("section[aria-labelledby=zurueckziehen]");
    waitFor(ExpectedConditions.urlContains("?zurueckgezogen"));
    browser.checked("admin-service-retired");
    assertThat(page.findElement(By.id("status")).getText()).startsWith("Zurückgezogen");
    open("/portal/leistungen?q=Hundesteuer");
    assertThat(page.findElement(By.tagName("main")).getText())
        .doesNotContain("Hundesteuer anmelden");
    client.get("/api/v1/services/hundesteuer").expect(404);

    // --- an Open311 key, shown once, then revoked
    open("/portal/verwaltung/open311");
    browser.checked("admin-keys");
    type("feld-name", "Mängelmelder-App");
    submit("section[aria-labelledby=neu]");
    waitFor(ExpectedConditions.titleContains("Schlüssel ausgegeben"));
    browser.checked("admin-key-issued");
    String key = page.findElement(By.id("schluessel")).getAttribute("value");
    assertThat(key).contains(".");
    page.findElement(By.linkText("Zurück zu den Schlüsseln")).click();
    waitFor(ExpectedConditions.urlMatches(".*/open311$"));
    WebElement row =
        page.findElement(
            By.xpath("//table[contains(@class,'keys')]//tr[td[1]='Mängelmelder-App']"));
    assertThat(row.getText()).contains("Gültig").doesNotContain(key);
    row.findElement(By.cssSelector("button")).click();
    waitFor(ExpectedConditions.urlContains("?widerrufen"));
    browser.checked("admin-key-revoked");
    assertThat(
            page.findElement(
                    By.xpath("//table[contains(@class,'keys')]//tr[td[1]='Mängelmelder-App']"))
                .getText())
        .contains("Widerrufen am");

    // --- mona hides a proposal with a reason, the public log shows it; then restores it
    signInAt("/portal/verwaltung/moderation", "mona");
    browser.checked("moderation-list");
    page.findElement(By.linkText("Mehr Bänke am Neckarufer")).click();
    waitFor(ExpectedConditions.urlContains("/portal/verwaltung/moderation/" + benches));
    browser.checked("moderation-proposal");
    submit("section[aria-labelledby=vorschlag]");
    waitFor(ExpectedConditions.titleContains("Es gibt ein Problem"));
    browser.checked("moderation-proposal-no-reason");
    assertThat(page.findElement(By.id("grund-error")).getText())
        .contains("Bitte machen Sie hier eine Angabe");
    type("grund", "Enthält persönliche Daten Dritter");
    submit("section[aria-labelledby=vorschlag]");
    waitFor(ExpectedConditions.urlContains("?erledigt"));
    browser.checked("moderation-proposal-hidden");
    assertThat(page.findElement(By.id("vorschlag")).getText()).isEqualTo("Verborgener Vorschlag");
    JsonNode hidden = client.get("/api/v1/proposals/" + benches).expect(200);
    assertThat(hidden.path("hidden").asBoolean()).isTrue();
    assertThat(hidden.path("title").asText("")).isEmpty();
    page.findElement(By.linkText("Moderationsprotokoll")).click();
    waitFor(ExpectedConditions.urlContains("/portal/beteiligung/" + consultation + "/moderation"));
    browser.checked("public-moderation-log-hidden");
    assertThat(page.findElement(By.tagName("main")).getText())
        .contains("Enthält persönliche Daten Dritter");

    open("/portal/verwaltung/moderation/" + benches);
    type("grund", "Die Daten wurden entfernt");
    submit("section[aria-labelledby=vorschlag]");
    waitFor(ExpectedConditions.urlContains("?erledigt"));
    browser.checked("moderation-proposal-restored");
    assertThat(page.findElement(By.id("vorschlag")).getText())
        .isEqualTo("Mehr Bänke am Neckarufer");
    open("/portal/beteiligung/" + consultation + "/moderation");
    browser.checked("public-moderation-log-restored");
    assertThat(page.findElement(By.tagName("main")).getText())
        .contains("Enthält persönliche Daten Dritter", "Die Daten wurden entfernt");
    JsonNode restored = client.get("/api/v1/proposals/" + benches).expect(200);
    assertThat(restored.path("hidden").asBoolean()).isFalse();
    assertThat(restored.path("title").asText()).isEqualTo("Mehr Bänke am Neckarufer");
  }
}
