package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.rathaus.api.TestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal's public participation, statistics and transparency pages in a real browser (Debian's
 * chromium, headless) on the running engine: a consultation with a proposal, comments, a support, a
 * hidden comment and the city's answer, and a real-world lab with a rated pilot project, all made
 * through the JSON API by the demo accounts, then read on every new page. Every page visited is
 * checked by axe-core (no serious or critical finding) and photographed ({@link PortalBrowser});
 * the proposal's title, text and a comment are a script and an {@code onerror} image, inert on
 * every page that shows them. The pages answer 200 to anonymous visitors and to every demo account
 * alike (they are public), the 404 page to unknown ids and a 400 page to a bad filter.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalPublicBrowserIT {

  static final String HOSTILE = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>";
  static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
  static final List<String> DEMO_ACCOUNTS =
      List.of("anna", "ben", "clara", "carl", "mona", "udo", "ada", "otto");
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The engine's data directory: made here, as with one test instance the context starts before a
   * {@code @TempDir} is set; the engine closes with the class ({@link DirtiesContext}) and the
   * directory goes when the JVM ends.
   */
  static final Path dataDir;

  static {
    try {
      dataDir = java.nio.file.Files.createTempDirectory("rathaus-portal-public");
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

  String lanes;
  String benches;
  String lab;
  String sensors;

  @AfterAll
  void stopBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  /** A consultation with a hostile proposal, comments, a support, a hidden comment and answers. */
  @BeforeAll
  void participation() {
    client = new TestClient(port);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    lanes =
        opened(
            "IDEAS",
            "Radwege am Neckar",
            now,
            ", \"supportThreshold\": 1, \"answerDeadlineDays\": 7");
    ObjectNode proposal = JSON.createObjectNode();
    proposal.put("title", HOSTILE);
    proposal.put("text", "Vorschlag " + HOSTILE);
    proposal.put("displayName", "Anna A.");
    benches =
        client
            .post("/api/v1/consultations/" + lanes + "/proposals")
            .as("anna")
            .json(proposal.toString())
            .expect(201)
            .path("id")
            .asText();
    client.put("/api/v1/proposals/" + benches + "/support").as("ben").expect(200);
    comment(benches, "ben", HOSTILE);
    String rude = comment(benches, "anna", "Unsinn, geheimer Text!");
    client
        .post("/api/v1/proposals/" + benches + "/moderation")
        .as("mona")
        .json(
            "{\"action\": \"HIDE\", \"reason\": \"Beleidigend (Netiquette 2)\", \"commentId\": \"%s\"}"
                .formatted(rude))
        .expect(200);
    client
        .post("/api/v1/proposals/" + benches + "/answer")
        .as("ada")
        .json("{\"status\": \"ACCEPTED\", \"reasoning\": \"Wir prüfen die Strecke.\"}")
        .expect(200);
    client
        .post("/api/v1/proposals/" + benches + "/answer")
        .as("ada")
        .json("{\"status\": \"IN_IMPLEMENTATION\", \"reasoning\": \"Baubeginn im Juni.\"}")
        .expect(200);

    lab = opened("FEEDBACK", "Reallabor Parken", now, "");
    sensors =
        client
            .post("/api/v1/consultations/" + lab + "/proposals")
            .as("ada")
            .json(
                "{\"title\": \"Parksensoren Wollhaus\", \"text\": \"Pilot im Reallabor\","
                    + " \"displayName\": \"Stadt\"}")
            .expect(201)
            .path("id")
            .asText();
    client
        .put("/api/v1/proposals/" + sensors + "/rating")
        .as("anna")
        .json("{\"stars\": 4}")
        .expect(200);
    client
        .put("/api/v1/proposals/" + sensors + "/rating")
        .as("ben")
        .json("{\"stars\": 2}")
        .expect(200);
  }

  private String opened(String format, String title, Instant now, String extra) {
    String id =
        client
            .post("/api/v1/consultations")
            .as("ada")
            .json(
                """
                {"title": {"de": "%s"}, "description": {"de": "Worum es geht: %s"},
                 "actionField": "mobilitaet", "sustainabilityGoals": [11], "format": "%s",
                 "opensAt": "%s", "closesAt": "%s"%s}
                """
                    .formatted(
                        title,
                        title,
                        format,
                        now.plus(Duration.ofDays(1)),
                        now.plus(Duration.ofDays(30)),
                        extra))
            .expect(201)
            .path("id")
            .asText();
    client
        .post("/api/v1/consultations/" + id + "/phase")
        .as("ada")
        .json("{\"phase\": \"OPEN\"}")
        .expect(200);
    return id;
  }

  private String comment(String proposal, String user, String text) {
    ObjectNode body = JSON.createObjectNode();
    body.put("text", text);
    body.put("displayName", HOSTILE.equals(text) ? HOSTILE : user);
    return client
        .post("/api/v1/proposals/" + proposal + "/comments")
        .as(user)
        .json(body.toString())
        .expect(201)
        .path("id")
        .asText();
  }

  private List<String> pages() {
    return List.of(
        "/portal/beteiligung",
        "/portal/beteiligung?feld=mobilitaet&phase=OPEN",
        "/portal/beteiligung/" + lanes,
        "/portal/beteiligung/vorschlag/" + benches,
        "/portal/beteiligung/" + lanes + "/ergebnisse",
        "/portal/beteiligung/" + lanes + "/moderation",
        "/portal/beteiligung/" + lab,
        "/portal/beteiligung/vorschlag/" + sensors,
        "/portal/beteiligung/" + lab + "/ergebnisse",
        "/portal/statistik",
        "/portal/statistik?von=2026-01&bis=2026-12",
        "/portal/transparenz");
  }

  private void visitor() {
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

  /**
   * Clicks what leads to another page and waits until that page replaced this one: reading the page
   * right after the click could read the old one, or an element the new one just discarded.
   */
  private void follow(WebElement element) {
    WebElement before = page.findElement(By.tagName("html"));
    element.click();
    new WebDriverWait(page, Duration.ofSeconds(20)).until(PortalBrowser.replaced(before));
  }

  private String h1() {
    return page.findElement(By.tagName("h1")).getText();
  }

  private void inert(String path) {
    assertThatThrownBy(() -> page.switchTo().alert())
        .as("no alert on " + path)
        .isInstanceOf(NoAlertPresentException.class);
    assertThat(page.findElements(By.cssSelector("main img"))).as("no image on " + path).isEmpty();
    assertThat(page.findElements(By.cssSelector("main script"))).as(path).isEmpty();
  }

  @Test
  void aVisitorFindsAConsultationByActionFieldAndPhaseAndReadsAProposal() {
    visitor();
    open("/portal");
    follow(page.findElement(By.linkText("Beteiligung")));
    browser.checked("beteiligung");
    assertThat(h1()).isEqualTo("Beteiligungsverfahren");
    new Select(page.findElement(By.id("feld"))).selectByVisibleText("Mobilität");
    new Select(page.findElement(By.id("phase"))).selectByVisibleText("Offen für Vorschläge");
    follow(page.findElement(By.cssSelector("form.search button")));
    browser.checked("beteiligung-filter");
    assertThat(page.getCurrentUrl()).contains("feld=mobilitaet", "phase=OPEN");
    assertThat(page.findElements(By.cssSelector(".consultation h3 a")))
        .extracting(e -> e.getText())
        .contains("Radwege am Neckar", "Reallabor Parken");

    follow(page.findElement(By.linkText("Radwege am Neckar")));
    browser.checked("verfahren");
    assertThat(h1()).isEqualTo("Radwege am Neckar");
    assertThat(page.findElement(By.cssSelector("dl.facts")).getText())
        .contains("Offen für Vorschläge", "Mobilität", "Ab 1 Unterstützungen");
    assertThat(page.findElement(By.cssSelector(".proposal h3 a")).getText()).isEqualTo(HOSTILE);
    inert("verfahren");

    follow(page.findElement(By.cssSelector(".proposal h3 a")));
    browser.checked("vorschlag");
    assertThat(h1()).isEqualTo(HOSTILE);
    String main = page.findElement(By.tagName("main")).getText();
    assertThat(main)
        .contains("Vorschlag " + HOSTILE, "Anna A.", "In Umsetzung", "Baubeginn im Juni.");
    assertThat(main).contains("Verlauf der Antworten", "Angenommen", "Wir prüfen die Strecke.");
    assertThat(main)
        .contains(
            "Ein Kommentar wurde von der Moderation ausgeblendet.", "Beleidigend (Netiquette 2)")
        .doesNotContain("Unsinn, geheimer Text!");
    assertThat(page.findElement(By.cssSelector(".supports")).getText()).isEqualTo("1");
    assertThat(page.findElements(By.cssSelector(".comment .text")))
        .extracting(e -> e.getText())
        .containsExactly(HOSTILE);
    inert("vorschlag");
    assertThat(page.getPageSource()).contains(ESCAPED);

    // in English: the consultation's German-only title is marked as German
    follow(page.findElement(By.cssSelector("form.language button")));
    browser.checked("vorschlag-en");
    assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    assertThat(page.findElement(By.cssSelector(".kind a")).getAttribute("lang")).isEqualTo("de");
    assertThat(page.findElement(By.tagName("main")).getText())
        .contains("The city's answer", "Being implemented", "Hidden comments");
  }

  @Test
  void theResultsTheModerationLogAndAPilotProjectsRatingsAreShown() {
    visitor();
    open("/portal/beteiligung/" + lanes + "/ergebnisse");
    browser.checked("ergebnisse");
    assertThat(h1()).isEqualTo("Ergebnisse");
    assertThat(page.findElement(By.id("figures")).getText())
        .contains("Anteil beantwortet", "100 %");
    assertThat(page.findElement(By.cssSelector(".results-table")).getText())
        .contains(HOSTILE, "In Umsetzung", "Baubeginn im Juni.");
    inert("ergebnisse");

    open("/portal/beteiligung/" + lanes + "/moderation");
    browser.checked("moderation");
    assertThat(page.findElement(By.cssSelector(".results-table")).getText())
        .contains(
            "Kommentar zu einem Vorschlag",
            "ausgeblendet",
            "Beleidigend (Netiquette 2)",
            "Moderation")
        .doesNotContain("Unsinn", "mona");

    open("/portal/beteiligung/vorschlag/" + sensors);
    browser.checked("pilotprojekt");
    assertThat(page.findElement(By.cssSelector(".rating-average")).getText())
        .contains("3 von 5 Sternen", "2 Bewertungen");
    assertThat(page.findElement(By.id("rating")).getText()).contains("4 Sterne", "2 Sterne");

    open("/portal/beteiligung/" + lab + "/ergebnisse");
    browser.checked("reallabor-ergebnisse");
    assertThat(page.findElement(By.id("ratings")).getText()).contains("4 Sterne\n1", "2 Sterne\n1");
    assertThat(page.findElement(By.tagName("main")).getText())
        .contains("3 von 5 Sternen", "2 Bewertungen");
  }

  @Test
  void theStatisticsAndTheTransparencyPagesShowWhatTheApiShows() {
    visitor();
    open("/portal");
    follow(page.findElement(By.linkText("Statistik")));
    browser.checked("statistik");
    assertThat(h1()).isEqualTo("Statistik");
    assertThat(page.findElement(By.id("participation-table")).getText())
        .contains("Insgesamt", "Mobilität");
    for (String dataset : PortalStatisticsController.DATASETS) {
      String href = "/api/v1/open-data/" + dataset + ".csv";
      assertThat(page.findElements(By.cssSelector("a[href='" + href + "']"))).as(href).hasSize(1);
      assertThat(client.get(href).send().status()).as(href).isEqualTo(200);
    }

    page.findElement(By.id("von")).sendKeys("2026-13");
    follow(page.findElement(By.cssSelector("form.search button")));
    browser.checked("statistik-fehler");
    assertThat(page.findElement(By.id("von-error")).getText())
        .contains("Bitte geben Sie einen Monat");
    assertThat(page.findElement(By.id("von")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(client.get("/portal/statistik?von=2026-13").send().status()).isEqualTo(400);

    open("/portal");
    follow(page.findElement(By.linkText("Transparenz")));
    browser.checked("transparenz");
    String main = page.findElement(By.tagName("main")).getText();
    assertThat(main)
        .contains(
            "java -jar api/target/rathaus.jar verify history.jsonl checkpoint.json log-key.json");
    String key = client.get("/.well-known/rathaus-log-key").expect(200).path("publicKey").asText();
    assertThat(main).contains(key);
    // the engine signs a new checkpoint every few seconds: compare the page with the API's latest
    // only when the API answered the same before and after the page was read
    for (int attempt = 1; ; attempt++) {
      String before = latestCheckpoint();
      open("/portal/transparenz");
      String shown = page.findElement(By.tagName("main")).getText();
      if (!before.equals(latestCheckpoint())) {
        assertThat(attempt)
            .as("a checkpoint stayed the latest while the page was read")
            .isLessThan(5);
        continue;
      }
      if (before.isEmpty()) {
        assertThat(shown).contains("Es gibt noch keinen signierten Stand.");
      } else {
        assertThat(shown).contains(before);
      }
      break;
    }
  }

  /** The latest checkpoint's root hash as the API answers it, or empty when there is none. */
  private String latestCheckpoint() {
    TestClient.Response latest = client.get("/api/v1/audit/checkpoints/latest").send();
    return latest.status() == 200 ? latest.json().path("rootHash").asText() : "";
  }

  @Test
  void unknownIdsAnswerThe404PageAndABadFilterA400PageWithTheErrorAtItsField() {
    visitor();
    open("/portal/beteiligung/consultation-00000000-0000-0000-0000-000000000000");
    browser.checked("verfahren-unbekannt");
    assertThat(h1()).isEqualTo("Seite nicht gefunden");
    open("/portal/beteiligung/vorschlag/gibt-es-nicht");
    assertThat(h1()).isEqualTo("Seite nicht gefunden");

    open("/portal/beteiligung?phase=bald&feld=keins");
    browser.checked("beteiligung-fehler");
    assertThat(page.findElement(By.id("phase-error")).getText())
        .contains("Diese Phase gibt es nicht");
    assertThat(page.findElement(By.id("phase")).getAttribute("aria-describedby"))
        .isEqualTo("phase-error");
    assertThat(page.findElement(By.id("feld")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(client.get("/portal/beteiligung?phase=bald").send().status()).isEqualTo(400);
    assertThat(client.get("/portal/beteiligung/vorschlag/gibt-es-nicht").send().status())
        .isEqualTo(404);
    // a page cursor no page made: a 400 page, as the API refuses it
    for (String path :
        List.of(
            "/portal/beteiligung?weiter=!!",
            "/portal/beteiligung/" + lanes + "?weiter=!!",
            "/portal/beteiligung/" + lanes + "/moderation?weiter=!!")) {
      TestClient.Response refused = client.get(path).send();
      assertThat(refused.status()).as(path).isEqualTo(400);
      assertThat(refused.body()).as(path).contains("<main id=\"main\"");
    }
  }

  @Test
  void everyNewPageAnswers200ToAnonymousVisitorsAndToEveryDemoAccount() {
    for (String path : pages()) {
      TestClient.Response anonymous = client.get(path).send();
      assertThat(anonymous.status()).as(path).isEqualTo(200);
      assertThat(anonymous.body()).as(path).doesNotContain("<script", "<img");
      for (String user : DEMO_ACCOUNTS) {
        assertThat(client.get(path).as(user).send().status())
            .as(path + " as " + user)
            .isEqualTo(200);
      }
    }
  }
}
