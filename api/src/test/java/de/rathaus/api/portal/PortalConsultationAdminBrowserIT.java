package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.TestClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * The administrators' consultation pages: ada drafts a consultation (a mistake shown at its field
 * first), revises the draft, opens it, and the public consultation page shows it. In chromium,
 * every page checked by axe-core. Without a browser: which demo role gets which answer on every
 * page, no change without the CSRF token, a phase move the rules forbid as a message (409), and
 * scripts typed into every free-text field staying text on every page that shows them.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalConsultationAdminBrowserIT {

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String HOSTILE = SCRIPT + "\"><img src=x onerror=alert(1)>";
  static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
  static final List<String> CALLERS =
      Arrays.asList(null, "anna", "ben", "clara", "carl", "mona", "udo", "ada", "otto");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final String ROOT = "/portal/verwaltung/beteiligung";
  static final Pattern CREATED = Pattern.compile(ROOT + "/(consultation-[0-9a-f-]+)\\?gespeichert");

  static final Path dataDir;

  static {
    try {
      dataDir = java.nio.file.Files.createTempDirectory("rathaus-portal-consultations");
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

  /** A draft drafted through the portal, for the role matrix. */
  String draft;

  @AfterAll
  void stopBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  /** A moment {@code days} from now, as a {@code datetime-local} field holds it (Berlin). */
  static String inDays(int days) {
    return LocalDateTime.now(BERLIN)
        .plusDays(days)
        .truncatedTo(ChronoUnit.MINUTES)
        .toString()
        .substring(0, 16);
  }

  /** The form fields of a valid draft, with these texts. */
  static List<Map.Entry<String, String>> fields(
      String token, String title, String titleEn, String description, String descriptionEn) {
    return new ArrayList<>(
        List.of(
            Map.entry("_csrf", token),
            Map.entry("formular", java.util.UUID.randomUUID().toString()),
            Map.entry("title_de", title),
            Map.entry("title_en", titleEn),
            Map.entry("description_de", description),
            Map.entry("description_en", descriptionEn),
            Map.entry("actionField", "mobilitaet"),
            Map.entry("department", "buergeramt"),
            Map.entry("format", "IDEAS"),
            Map.entry("sustainabilityGoals", "11"),
            Map.entry("sustainabilityGoals", "13"),
            Map.entry("opensAt", inDays(1)),
            Map.entry("closesAt", inDays(30)),
            Map.entry("votingEndsAt", ""),
            Map.entry("supportThreshold", "50"),
            Map.entry("answerDeadlineDays", "30")));
  }

  /** Drafts through the portal as {@code session}; the new consultation's id. */
  static String drafted(PortalSession session, List<Map.Entry<String, String>> fields) {
    HttpResponse<String> answer = session.send("POST", ROOT + "/neu", fields);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
    Matcher id = CREATED.matcher(answer.headers().firstValue("Location").orElseThrow());
    assertThat(id.find()).isTrue();
    return id.group(1);
  }

  @BeforeAll
  void aDraft() {
    client = new TestClient(port);
    PortalSession ada = PortalSession.of(port, "ada");
    String token = PortalSession.token(ada.get(ROOT + "/neu").body());
    draft = drafted(ada, fields(token, "Radwege im Süden", "", "Worum es geht", ""));
  }

  // --- without a browser

  @Test
  void onlyAdministratorsOpenEachPageAndNothingChangesWithoutTheToken() {
    List<String> pages = List.of(ROOT, ROOT + "/neu", ROOT + "/" + draft);
    List<String> posts = List.of(ROOT + "/neu", ROOT + "/" + draft, ROOT + "/" + draft + "/phase");
    for (String caller : CALLERS) {
      PortalSession session =
          caller == null ? new PortalSession(port) : PortalSession.of(port, caller);
      for (String path : pages) {
        HttpResponse<String> answer = session.get(path);
        String as = path + " as " + caller;
        if (caller == null) {
          assertThat(answer.statusCode()).as(as).isEqualTo(302);
          assertThat(answer.headers().firstValue("Location").orElseThrow())
              .as(as)
              .endsWith("/login");
        } else if ("ada".equals(caller)) {
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
      for (String path : posts) {
        HttpResponse<String> refused =
            session.send("POST", path, Map.of("title_de", "x", "phase", "OPEN"));
        assertThat(refused.statusCode()).as("POST " + path + " as " + caller).isEqualTo(403);
      }
    }
    // the draft stays a draft, unchanged; unknown ids are the 404 page
    PortalSession ada = PortalSession.of(port, "ada");
    String admin = ada.get(ROOT + "/" + draft).body();
    assertThat(admin).contains("Radwege im Süden", "Entwurf");
    assertThat(ada.get(ROOT + "/consultation-00000000-0000-0000-0000-000000000000").statusCode())
        .isEqualTo(404);
    assertThat(ada.get(ROOT + "/kein-verfahren").statusCode()).isEqualTo(404);
    // the draft is no public page, and the start page links the list
    assertThat(ada.get("/portal/beteiligung/" + draft).statusCode()).isEqualTo(404);
    assertThat(ada.get("/portal/verwaltung").body()).contains("href=\"" + ROOT + "\"");
    assertThat(PortalSession.of(port, "mona").get("/portal/verwaltung").body())
        .doesNotContain("href=\"" + ROOT + "\"");
  }

  @Test
  void aPhaseMoveTheRulesForbidIsAMessageOnThePage() {
    PortalSession ada = PortalSession.of(port, "ada");
    String token = PortalSession.token(ada.get(ROOT + "/neu").body());
    List<Map.Entry<String, String>> form = fields(token, "Sprung", "", "Eine Phase zu weit", "");
    String id = drafted(ada, form);
    // the same form sent again (a reload) drafts nothing more
    assertThat(drafted(ada, form)).isEqualTo(id);
    assertThat(ada.get(ROOT).body().split("Sprung", -1)).hasSize(2);
    HttpResponse<String> skipped =
        ada.send("POST", ROOT + "/" + id + "/phase", Map.of("_csrf", token, "phase", "CLOSED"));
    assertThat(skipped.statusCode()).isEqualTo(409);
    assertThat(skipped.body()).contains("nur eine Phase weiter").doesNotContain("Exception");
    // a date the domain refuses: at its field, with what was entered kept
    List<Map.Entry<String, String>> past = fields(token, "Vorbei", "", "Schon zu", "");
    past.removeIf(e -> e.getKey().equals("closesAt"));
    past.add(Map.entry("closesAt", inDays(-1)));
    past.removeIf(e -> e.getKey().equals("opensAt"));
    past.add(Map.entry("opensAt", inDays(-2)));
    HttpResponse<String> refused = ada.send("POST", ROOT + "/neu", past);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("href=\"#feld-closesAt\"", "in der Zukunft liegen", "value=\"Vorbei\"");
  }

  @Test
  void scriptsTypedIntoEveryFieldStayText() {
    PortalSession ada = PortalSession.of(port, "ada");
    String token = PortalSession.token(ada.get(ROOT + "/neu").body());
    // a mistake shows what was entered again, escaped
    List<Map.Entry<String, String>> mistaken = fields(token, HOSTILE, HOSTILE, HOSTILE, HOSTILE);
    mistaken.removeIf(e -> List.of("supportThreshold", "opensAt").contains(e.getKey()));
    mistaken.add(Map.entry("supportThreshold", HOSTILE));
    mistaken.add(Map.entry("opensAt", HOSTILE));
    HttpResponse<String> refused = ada.send("POST", ROOT + "/neu", mistaken);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertInert("the form with mistakes", refused.body());

    String id =
        drafted(
            ada,
            fields(
                token,
                "Titel " + HOSTILE,
                "Title " + HOSTILE,
                "Beschreibung " + HOSTILE,
                "Description " + HOSTILE));
    String admin = ROOT + "/" + id;
    String draftPage = ada.get(admin).body();
    assertInert("the draft's page", draftPage);
    assertThat(draftPage).contains("Titel " + ESCAPED, "Title " + ESCAPED);
    assertInert("the list", ada.get(ROOT).body());
    assertThat(ada.get(ROOT).body()).contains("Titel " + ESCAPED);
    // opened, closed, its results published with a hostile summary
    for (String phase : List.of("OPEN", "CLOSED")) {
      assertThat(
              ada.send("POST", admin + "/phase", Map.of("_csrf", token, "phase", phase))
                  .statusCode())
          .isEqualTo(303);
    }
    HttpResponse<String> tooLong =
        ada.send(
            "POST",
            admin + "/phase",
            Map.of(
                "_csrf",
                token,
                "phase",
                "RESULTS_PUBLISHED",
                "summary_de",
                HOSTILE + "x".repeat(10_000),
                "summary_en",
                HOSTILE));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertInert("the summary kept", tooLong.body());
    assertThat(
            ada.send(
                    "POST",
                    admin + "/phase",
                    Map.of(
                        "_csrf",
                        token,
                        "phase",
                        "RESULTS_PUBLISHED",
                        "summary_de",
                        "Ergebnis " + HOSTILE,
                        "summary_en",
                        "Result " + HOSTILE))
                .statusCode())
        .isEqualTo(303);
    PortalSession anna = PortalSession.of(port, "anna");
    for (String path :
        List.of(
            admin,
            ROOT,
            "/portal/beteiligung",
            "/portal/beteiligung/" + id,
            "/portal/beteiligung/" + id + "/ergebnisse")) {
      String body = (path.startsWith(ROOT) ? ada : anna).get(path).body();
      assertInert(path, body);
      assertThat(body).as(path).contains("Titel " + ESCAPED);
    }
    assertThat(anna.get("/portal/beteiligung/" + id).body())
        .contains("Beschreibung " + ESCAPED, "Ergebnis " + ESCAPED);
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

  private void type(String id, String text) {
    WebElement field = page.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /** A {@code datetime-local} field's value, set as its picker would. */
  private void date(String id, String value) {
    ((JavascriptExecutor) page)
        .executeScript("arguments[0].value = arguments[1]", page.findElement(By.id(id)), value);
  }

  private void submit(String formSelector) {
    page.findElement(By.cssSelector(formSelector + " button[type=submit]")).click();
  }

  @Test
  void adaDraftsRevisesAndOpensAConsultationWhichThePublicThenSees() {
    browser = PortalBrowser.start();
    page = browser.driver();

    open("/portal/impressum");
    page.manage().deleteAllCookies();
    open(ROOT);
    waitFor(ExpectedConditions.urlMatches(".*/login$"));
    page.findElement(By.id("username")).sendKeys("ada");
    page.findElement(By.id("password")).sendKeys(TestClient.DEMO_PASSWORD);
    page.findElement(By.cssSelector("button[type=submit]")).click();
    waitFor(ExpectedConditions.urlMatches(".*" + ROOT + "$"));
    browser.checked("admin-consultations");
    assertThat(page.findElement(By.tagName("main")).getText()).contains("Radwege im Süden");

    // --- a draft, a mistake first
    page.findElement(By.linkText("Neues Verfahren entwerfen")).click();
    waitFor(ExpectedConditions.urlMatches(".*/beteiligung/neu$"));
    browser.checked("admin-consultation-new");
    type("feld-description_de", "Wie wollen wir den Marktplatz nutzen?");
    new Select(page.findElement(By.id("feld-actionField"))).selectByValue("mobilitaet");
    page.findElement(By.cssSelector("label[for=feld-goal-11]")).click();
    date("feld-opensAt", inDays(2));
    date("feld-closesAt", inDays(40));
    submit("main form");
    waitFor(ExpectedConditions.titleContains("Es gibt ein Problem"));
    browser.checked("admin-consultation-new-error");
    assertThat(page.findElement(By.cssSelector(".error-summary")).getText())
        .contains("Titel (deutsch)");
    assertThat(page.findElement(By.id("feld-title_de")).getAttribute("aria-describedby"))
        .contains("feld-title_de-error");
    assertThat(page.findElement(By.id("feld-description_de")).getAttribute("value"))
        .isEqualTo("Wie wollen wir den Marktplatz nutzen?");
    assertThat(page.findElement(By.id("feld-goal-11")).isSelected()).isTrue();
    page.findElement(By.cssSelector(".error-summary a[href='#feld-title_de']")).click();
    assertThat(page.switchTo().activeElement().getAttribute("id")).isEqualTo("feld-title_de");
    page.switchTo().activeElement().sendKeys("Der neue Marktplatz");
    submit("main form");
    waitFor(ExpectedConditions.urlContains("?gespeichert"));
    browser.checked("admin-consultation-drafted");
    Matcher created = CREATED.matcher(page.getCurrentUrl());
    assertThat(created.find()).isTrue();
    String id = created.group(1);
    assertThat(page.findElement(By.id("jetzt")).getText()).contains("Entwurf");
    assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Der neue Marktplatz");

    // --- revises it
    type("feld-title_de", "Der neue Marktplatz am Rathaus");
    type("feld-supportThreshold", "25");
    type("feld-answerDeadlineDays", "21");
    submit("section[aria-labelledby=bearbeiten]");
    waitFor(ExpectedConditions.urlContains("?gespeichert"));
    browser.checked("admin-consultation-revised");
    assertThat(page.findElement(By.tagName("h1")).getText())
        .isEqualTo("Der neue Marktplatz am Rathaus");
    assertThat(page.findElement(By.tagName("main")).getText())
        .contains("Ab 25 Unterstützungen antwortet die Stadt binnen 21 Tagen.");

    // --- opens it: the public sees it
    assertThat(page.findElement(By.id("feld-phase-OPEN")).isSelected()).isTrue();
    submit("section[aria-labelledby=phase-wechseln]");
    waitFor(ExpectedConditions.urlContains("?verschoben"));
    browser.checked("admin-consultation-opened");
    assertThat(page.findElement(By.id("jetzt")).getText()).contains("Offen für Vorschläge");
    assertThat(page.findElements(By.id("feld-title_de"))).isEmpty();
    JsonNode api = client.get("/api/v1/consultations/" + id).expect(200);
    assertThat(api.path("phase").asText()).isEqualTo("OPEN");
    assertThat(api.path("supportThreshold").asInt()).isEqualTo(25);
    page.findElement(By.linkText("Öffentliche Seite des Verfahrens")).click();
    waitFor(ExpectedConditions.urlMatches(".*/portal/beteiligung/" + id + "$"));
    browser.checked("public-consultation-opened");
    assertThat(page.findElement(By.tagName("h1")).getText())
        .isEqualTo("Der neue Marktplatz am Rathaus");
    assertThat(page.findElement(By.tagName("main")).getText())
        .contains("Offen für Vorschläge", "11 – Nachhaltige Städte und Gemeinden");
  }
}
