package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.TestClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The citizen taking part through the portal on the running engine: an ideas consultation open for
 * proposals and a real-world lab with a pilot project, both made by ada through the JSON API (the
 * demo data seeds no consultation). In chromium, anna is offered to sign in on the consultation's
 * page, comes back to the proposal form, corrects an empty title, proposes, supports, withdraws and
 * supports again, comments and rates the pilot project; ben then sees her proposal with its
 * support. Every page visited is checked by axe-core ({@link PortalBrowser#checked}). Without the
 * browser: who may use which form (anonymous: the login form; citizens: 200/303; staff: the 403
 * page; no CSRF token: 403), and scripts typed into every free text field staying text.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalParticipationBrowserIT {

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String HOSTILE = SCRIPT + "\"><img src=x onerror=alert(1)>";
  static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
  static final List<String> CALLERS =
      Arrays.asList(null, "anna", "ben", "clara", "carl", "mona", "udo", "ada", "otto");

  /** Made here: with one test instance the context starts before a {@code @TempDir} is set. */
  static final Path dataDir;

  static {
    try {
      dataDir = Files.createTempDirectory("rathaus-portal-participate");
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try (var files = Files.walk(dataDir)) {
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
  @Autowired EventStore events;

  PortalBrowser browser;
  WebDriver page;
  TestClient client;

  /** An ideas consultation open for proposals. */
  String lanes;

  /** A real-world lab, open, with a pilot project the city put up. */
  String lab;

  String sensors;

  /** Another pilot project, for who may rate. */
  String lights;

  @AfterAll
  void stopBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeAll
  void consultations() {
    client = new TestClient(port);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    lanes = opened("IDEAS", "Radwege am Neckar", now);
    lab = opened("FEEDBACK", "Reallabor Parken", now);
    sensors = item("Parksensoren Wollhaus");
    lights = item("Smarte Laternen");
  }

  private String item(String title) {
    return client
        .post("/api/v1/consultations/" + lab + "/proposals")
        .as("ada")
        .json(
            "{\"title\": \"%s\", \"text\": \"Pilot im Reallabor\", \"displayName\": \"Stadt\"}"
                .formatted(title))
        .expect(201)
        .path("id")
        .asText();
  }

  private String opened(String format, String title, Instant now) {
    String id =
        client
            .post("/api/v1/consultations")
            .as("ada")
            .json(
                """
                {"title": {"de": "%s"}, "description": {"de": "Worum es geht: %s"},
                 "actionField": "mobilitaet", "sustainabilityGoals": [11], "format": "%s",
                 "opensAt": "%s", "closesAt": "%s"}
                """
                    .formatted(
                        title,
                        title,
                        format,
                        now.plus(Duration.ofDays(1)),
                        now.plus(Duration.ofDays(30))))
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

  // --- without a browser

  /** A proposal of {@code session}'s citizen through the portal's form: its id. */
  private String propose(PortalSession session, String title, String text, String name) {
    String form = "/portal/beteiligung/" + lanes + "/vorschlagen";
    HttpResponse<String> shown = session.get(form);
    assertThat(shown.statusCode()).isEqualTo(200);
    HttpResponse<String> sent =
        session.send(
            "POST",
            form,
            List.of(
                Map.entry("_csrf", PortalSession.token(shown.body())),
                Map.entry("formular", PortalSession.formId(shown.body())),
                Map.entry("titel", title),
                Map.entry("text", text),
                Map.entry("name", name)));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    String location = sent.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/portal/beteiligung/vorschlag/proposal-");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  @Test
  void theFormsAreForCitizensStaffGetTheForbiddenPageAndNothingChangesWithoutAToken() {
    String annas = propose(PortalSession.of(port, "anna"), "Radweg Südstadt", "Breiter", "Anna");
    for (String caller : CALLERS) {
      PortalSession session =
          caller == null ? new PortalSession(port) : PortalSession.of(port, caller);
      // any public page gives the session its token, as the browser has it
      String token =
          PortalSession.token(session.get("/portal/beteiligung/vorschlag/" + annas).body());
      Map<String, List<Map.Entry<String, String>>> posts =
          Map.of(
              "/portal/beteiligung/" + lanes + "/vorschlagen",
              List.of(
                  Map.entry("titel", "Idee von " + caller),
                  Map.entry("text", "Text"),
                  Map.entry("name", "N"),
                  Map.entry("formular", java.util.UUID.randomUUID().toString())),
              "/portal/beteiligung/vorschlag/" + annas + "/unterstuetzung",
              List.of(Map.entry("aktion", "unterstuetzen")),
              "/portal/beteiligung/vorschlag/" + annas + "/kommentare",
              List.of(
                  Map.entry("kommentar", "Gut so"),
                  Map.entry("name", "N"),
                  Map.entry("formular", java.util.UUID.randomUUID().toString())),
              "/portal/beteiligung/vorschlag/" + lights + "/bewertung",
              List.of(Map.entry("sterne", "3")));
      for (var post : posts.entrySet()) {
        String as = "POST " + post.getKey() + " as " + caller;
        // without the form's token: refused, whoever sends it
        assertThat(session.send("POST", post.getKey(), post.getValue()).statusCode())
            .as(as + " without a token")
            .isEqualTo(403);
        List<Map.Entry<String, String>> fields = new java.util.ArrayList<>(post.getValue());
        fields.add(Map.entry("_csrf", token));
        HttpResponse<String> answer = session.send("POST", post.getKey(), fields);
        expect(caller, answer, 303, as);
      }
      for (String path :
          List.of(
              "/portal/beteiligung/" + lanes + "/vorschlagen",
              "/portal/beteiligung/vorschlag/" + annas + "/mitmachen")) {
        HttpResponse<String> answer = session.get(path);
        expect(
            caller,
            answer,
            path.endsWith("mitmachen") ? 303 : 200,
            "GET " + path + " as " + caller);
      }
      // the public pages stay open to everyone; staff are told who takes part
      HttpResponse<String> consultation = session.get("/portal/beteiligung/" + lanes);
      assertThat(consultation.statusCode()).isEqualTo(200);
      if (caller == null) {
        assertThat(consultation.body()).contains("Zum Mitmachen anmelden");
      } else if (caller.equals("anna") || caller.equals("ben")) {
        assertThat(consultation.body()).contains("Vorschlag machen", "Angemeldet als " + caller);
      } else {
        assertThat(consultation.body())
            .contains("nicht mit einem Konto der Verwaltung")
            .doesNotContain("Zum Mitmachen anmelden");
      }
    }
    // anna's and ben's supports stand, nobody else's counted; the comments are theirs
    JsonNode proposal = client.get("/api/v1/proposals/" + annas).send().json();
    assertThat(proposal.path("supports").asLong()).isEqualTo(2);
    assertThat(proposal.path("commentCount").asInt()).isEqualTo(2);
    assertThat(
            client
                .get("/api/v1/proposals/" + lights)
                .send()
                .json()
                .path("rating")
                .path("ratings")
                .asLong())
        .isEqualTo(2);
    // each by a citizen, through the portal
    List<? extends DomainEventMessage<?>> history = events.readEvents(annas).asStream().toList();
    assertThat(history).isNotEmpty();
    history.forEach(
        e ->
            assertThat(e.getMetaData())
                .as(e.getPayloadType().getSimpleName())
                .containsEntry("actorRole", "CITIZEN")
                .containsEntry("channel", "web"));
  }

  private static void expect(String caller, HttpResponse<String> answer, int citizens, String as) {
    if (caller == null) {
      assertThat(answer.statusCode()).as(as).isEqualTo(302);
      assertThat(answer.headers().firstValue("Location").orElseThrow()).as(as).endsWith("/login");
    } else if (caller.equals("anna") || caller.equals("ben")) {
      assertThat(answer.statusCode()).as(as + ": " + answer.body()).isEqualTo(citizens);
    } else {
      assertThat(answer.statusCode()).as(as).isEqualTo(403);
      assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
          .as(as)
          .startsWith("text/html");
      assertThat(answer.body()).as(as).contains("Kein Zugriff");
    }
  }

  @Test
  void scriptsTypedIntoEveryFieldStayText() {
    PortalSession anna = PortalSession.of(port, "anna");
    // refused first (no text): the form shown again keeps the script as text
    String form = "/portal/beteiligung/" + lanes + "/vorschlagen";
    HttpResponse<String> shown = anna.get(form);
    HttpResponse<String> refused =
        anna.send(
            "POST",
            form,
            List.of(
                Map.entry("_csrf", PortalSession.token(shown.body())),
                Map.entry("formular", PortalSession.formId(shown.body())),
                Map.entry("titel", HOSTILE),
                Map.entry("text", ""),
                Map.entry("name", HOSTILE)));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertInert(refused.body());

    String id = propose(anna, HOSTILE, "Text " + HOSTILE, HOSTILE);
    String proposalPage = "/portal/beteiligung/vorschlag/" + id;
    String token = PortalSession.token(anna.get(proposalPage).body());
    HttpResponse<String> comment =
        anna.send(
            "POST",
            proposalPage + "/kommentare",
            List.of(
                Map.entry("_csrf", token),
                Map.entry("formular", java.util.UUID.randomUUID().toString()),
                Map.entry("kommentar", HOSTILE),
                Map.entry("name", HOSTILE)));
    assertThat(comment.statusCode()).isEqualTo(303);
    String commentId = comment.headers().firstValue("Location").orElseThrow().replaceAll(".*#", "");
    assertThat(commentId).startsWith("comment-");
    // an over-long comment shown again with the error keeps the script as text too
    HttpResponse<String> tooLong =
        anna.send(
            "POST",
            proposalPage + "/kommentare",
            List.of(
                Map.entry("_csrf", token),
                Map.entry("formular", java.util.UUID.randomUUID().toString()),
                Map.entry("kommentar", HOSTILE.repeat(100)),
                Map.entry("name", HOSTILE)));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertInert(tooLong.body());

    for (String path :
        List.of(
            proposalPage,
            "/portal/beteiligung/" + lanes,
            "/portal/beteiligung/" + lanes + "/ergebnisse")) {
      HttpResponse<String> shownAgain = anna.get(path);
      assertThat(shownAgain.statusCode()).as(path).isEqualTo(200);
      assertInert(shownAgain.body());
    }
    // a second comment, hidden by the moderation: the log names it, never its content
    HttpResponse<String> second =
        anna.send(
            "POST",
            proposalPage + "/kommentare",
            List.of(
                Map.entry("_csrf", token),
                Map.entry("formular", java.util.UUID.randomUUID().toString()),
                Map.entry("kommentar", "Zweiter " + HOSTILE),
                Map.entry("name", HOSTILE)));
    String hidden = second.headers().firstValue("Location").orElseThrow().replaceAll(".*#", "");
    client
        .post("/api/v1/proposals/" + id + "/moderation")
        .as("mona")
        .json(
            "{\"action\": \"HIDE\", \"reason\": \"Netiquette 2\", \"commentId\": \"%s\"}"
                .formatted(hidden))
        .expect(200);
    String log = anna.get("/portal/beteiligung/" + lanes + "/moderation").body();
    assertThat(log)
        .contains("Netiquette 2")
        .doesNotContain(SCRIPT)
        .doesNotContain("<img src=x")
        .doesNotContain("Zweiter");
    String body = anna.get(proposalPage).body();
    // the title, the text, the name and the comment: each there, escaped
    assertThat(body.split(java.util.regex.Pattern.quote(ESCAPED), -1).length - 1)
        .isGreaterThanOrEqualTo(5);
  }

  private static void assertInert(String html) {
    assertThat(html).doesNotContain(SCRIPT).doesNotContain("<img src=x").contains(ESCAPED);
  }

  // --- in the browser

  private void open(String path) {
    page.get("http://127.0.0.1:" + port + path);
  }

  private void waitFor(ExpectedCondition<?> condition) {
    try {
      new WebDriverWait(page, Duration.ofSeconds(20)).until(condition);
    } catch (org.openqa.selenium.TimeoutException timedOut) {
      throw new AssertionError(
          "Waited in vain at " + page.getCurrentUrl() + ":\n" + page.getPageSource(), timedOut);
    }
  }

  /** Clicks what leads to another page and waits until that page replaced this one. */
  private void follow(WebElement element) {
    WebElement before = page.findElement(By.tagName("html"));
    element.click();
    waitFor(PortalBrowser.replaced(before));
  }

  private String text(String css) {
    return page.findElement(By.cssSelector(css)).getText();
  }

  private void signIn(String account) {
    page.findElement(By.id("username")).sendKeys(account);
    page.findElement(By.id("password")).sendKeys(TestClient.DEMO_PASSWORD);
    follow(page.findElement(By.cssSelector("button[type=submit]")));
  }

  private void inert() {
    assertThatThrownBy(() -> page.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    assertThat(page.findElements(By.cssSelector("main img"))).isEmpty();
    assertThat(page.findElements(By.cssSelector("main script"))).isEmpty();
  }

  @Test
  void annaProposesSupportsCommentsAndRatesAndBenSeesHerProposal() {
    browser = PortalBrowser.start();
    page = browser.driver();
    open("/portal/beteiligung/" + lanes);
    browser.checked("participate-consultation-anonymous");
    follow(page.findElement(By.linkText("Zum Mitmachen anmelden")));
    assertThat(page.getCurrentUrl()).endsWith("/login");
    signIn("anna");
    // back to the form she asked for
    assertThat(page.getCurrentUrl()).endsWith("/portal/beteiligung/" + lanes + "/vorschlagen");
    browser.checked("participate-propose");
    assertThat(text("h1")).isEqualTo("Eigenen Vorschlag machen");

    page.findElement(By.id("feld-text")).sendKeys("Ein geschützter Radweg entlang der Uferstraße");
    page.findElement(By.id("feld-name")).sendKeys("Anna B.");
    follow(page.findElement(By.cssSelector("main form button[type=submit]")));
    browser.checked("participate-propose-error");
    assertThat(page.getTitle()).startsWith("Es gibt ein Problem");
    assertThat(text("#feld-titel-error")).contains("Bitte machen Sie hier eine Angabe");
    assertThat(page.findElement(By.id("feld-titel")).getAttribute("aria-describedby"))
        .isEqualTo("feld-titel-error");
    assertThat(page.findElement(By.id("feld-name")).getAttribute("value")).isEqualTo("Anna B.");
    page.findElement(By.cssSelector(".error-summary a[href='#feld-titel']")).click();
    assertThat(page.switchTo().activeElement().getAttribute("id")).isEqualTo("feld-titel");
    page.switchTo().activeElement().sendKeys("Radweg an der Uferstraße");
    follow(page.findElement(By.cssSelector("main form button[type=submit]")));

    waitFor(ExpectedConditions.urlContains("/portal/beteiligung/vorschlag/proposal-"));
    browser.checked("participate-proposal");
    String proposal = page.getCurrentUrl().replaceAll(".*/vorschlag/([^?#]+).*", "$1");
    assertThat(text("h1")).isEqualTo("Radweg an der Uferstraße");
    assertThat(text(".supports")).isEqualTo("0");
    assertThat(text("#unterstuetzung-stand"))
        .isEqualTo("Sie unterstützen diesen Vorschlag noch nicht.");

    follow(page.findElement(By.cssSelector("#unterstuetzung button")));
    browser.checked("participate-supported");
    assertThat(text("#unterstuetzung-stand")).isEqualTo("Sie unterstützen diesen Vorschlag.");
    assertThat(text("#unterstuetzung button")).isEqualTo("Unterstützung zurücknehmen");
    assertThat(text(".supports")).isEqualTo("1");

    follow(page.findElement(By.cssSelector("#unterstuetzung button")));
    browser.checked("participate-withdrawn");
    assertThat(text("#unterstuetzung-stand"))
        .isEqualTo("Sie unterstützen diesen Vorschlag noch nicht.");
    assertThat(text(".supports")).isEqualTo("0");

    follow(page.findElement(By.cssSelector("#unterstuetzung button")));
    assertThat(text(".supports")).isEqualTo("1");
    browser.checked("participate-supported-again");

    page.findElement(By.id("feld-kommentar")).sendKeys("Bitte auch mit Beleuchtung.");
    page.findElement(By.id("feld-kommentar-name")).sendKeys("Anna B.");
    follow(page.findElement(By.cssSelector("#kommentieren button")));
    browser.checked("participate-commented");
    assertThat(page.getCurrentUrl()).contains("#comment-");
    String comment = page.getCurrentUrl().replaceAll(".*#", "");
    assertThat(page.findElement(By.id(comment)).getText())
        .contains("Anna B.", "Bitte auch mit Beleuchtung.");
    inert();

    open("/portal/beteiligung/vorschlag/" + sensors);
    browser.checked("participate-item");
    assertThat(text(".rating-state")).contains("noch nicht bewertet");
    assertThat(page.findElements(By.id("unterstuetzung"))).isEmpty();
    page.findElement(By.cssSelector("label[for=feld-sterne-4]")).click();
    follow(page.findElement(By.cssSelector("#bewertung button")));
    browser.checked("participate-rated");
    assertThat(text(".rating-state")).contains("Ihre Bewertung: 4 von 5 Sternen");
    assertThat(page.findElement(By.id("feld-sterne-4")).isSelected()).isTrue();
    assertThat(text(".rating-average")).contains("4 von 5 Sternen", "1 Bewertung");

    // ben sees anna's proposal with her support
    follow(page.findElement(By.cssSelector("form.account button")));
    open("/portal/beteiligung/vorschlag/" + proposal);
    follow(page.findElement(By.linkText("Zum Mitmachen anmelden")));
    signIn("ben");
    waitFor(ExpectedConditions.urlContains("/portal/beteiligung/vorschlag/" + proposal));
    browser.checked("participate-ben");
    assertThat(text("h1")).isEqualTo("Radweg an der Uferstraße");
    assertThat(text(".supports")).isEqualTo("1");
    assertThat(text("#unterstuetzung-stand"))
        .isEqualTo("Sie unterstützen diesen Vorschlag noch nicht.");
    assertThat(text("main")).contains("Bitte auch mit Beleuchtung.");
    open("/portal/beteiligung/" + lanes);
    browser.checked("participate-consultation-ben");
    assertThat(text("main")).contains("Radweg an der Uferstraße", "1 Unterstützung");
  }
}
