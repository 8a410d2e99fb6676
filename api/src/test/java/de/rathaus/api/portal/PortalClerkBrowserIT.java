package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.TestClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The clerk's path through the portal, signed in through the demo login form: the department's
 * queue with its filters and overdue marks, a case's page, taking it, a note, a question to the
 * applicant (and its answer), the decision and the closure, forwarding to another department; who
 * may open which page (another department's case is the 404 page), the CSRF token on every change,
 * the access log, scripts typed into every field staying text, a rule of the case answered on the
 * page. The journey runs in chromium (skipped where it is not installed), checked by axe-core on
 * every page; the rest needs no browser.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
@DirtiesContext
class PortalClerkBrowserIT {

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMAGE = "\"><img src=x onerror=alert(1)>";
  static final String HOSTILE = SCRIPT + IMAGE;

  static final String QUEUE = "/portal/sachbearbeitung";

  static final List<String> CALLERS =
      Arrays.asList(null, "anna", "ben", "clara", "carl", "mona", "udo", "ada", "otto");

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  static PortalBrowser browser;

  @LocalServerPort int port;
  @Autowired EventStore events;
  WebDriver page;

  @AfterAll
  static void stopBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  /** A Meldebescheinigung (the Bürgeramt's, clara's) submitted by {@code citizen}: its id. */
  private String submit(String citizen, String purpose) {
    return new TestClient(port)
        .post("/api/v1/requests")
        .as(citizen)
        .json(
            """
            {"serviceCode": "meldebescheinigung",
             "attributes": {"certificate_kind": "simple", "purpose": "%s", "delivery": "post",
                            "copies": 1},
             "applicant": {"name": "Anna Beispiel", "email": "anna@example.org"}}
            """
                .formatted(purpose))
        .expect(201)
        .path("id")
        .asText();
  }

  private JsonNode asApi(String user, String id) {
    return new TestClient(port).get("/api/v1/cases/" + id).as(user).expect(200);
  }

  private static void inert(String body) {
    assertThat(body).doesNotContain(SCRIPT).doesNotContain("<img src=x");
  }

  // --- without a browser

  @Test
  void theQueueAndTheCasesAreForTheDepartmentsClerksOnly() {
    String annas = submit("anna", "Nachweis-fuer-die-Bank");
    List<String> pages = List.of(QUEUE, QUEUE + "/" + annas);
    for (String caller : CALLERS) {
      PortalSession session =
          caller == null ? new PortalSession(port) : PortalSession.of(port, caller);
      for (String path : pages) {
        HttpResponse<String> answer = session.get(path);
        String as = path + " as " + caller;
        assertThat(answer.headers().firstValue("Content-Security-Policy")).as(as).isPresent();
        if (caller == null) {
          assertThat(answer.statusCode()).as(as).isEqualTo(302);
          assertThat(answer.headers().firstValue("Location").orElseThrow())
              .as(as)
              .endsWith("/login");
        } else if (caller.equals("clara")) {
          assertThat(answer.statusCode()).as(as).isEqualTo(200);
          assertThat(answer.body()).contains("Angemeldet als clara", "Sachbearbeitung");
        } else if (caller.equals("carl")) {
          // a clerk of another department: his own (empty of this case) queue, and no such case
          assertThat(answer.statusCode()).as(as).isEqualTo(path.equals(QUEUE) ? 200 : 404);
          assertThat(answer.body()).doesNotContain("Nachweis-fuer-die-Bank");
        } else {
          assertThat(answer.statusCode()).as(as).isEqualTo(403);
          assertThat(answer.body()).contains("Kein Zugriff").doesNotContain("Nachweis-fuer");
          assertThat(answer.body()).doesNotContain(">Sachbearbeitung<");
        }
      }
      // no change without the form's CSRF token, whoever sends it
      for (String action :
          List.of(
              "zuweisung", "notiz", "rueckfrage", "entscheidung", "weiterleitung", "abschluss")) {
        HttpResponse<String> refused =
            session.send(
                "POST",
                QUEUE + "/" + annas + "/" + action,
                Map.of("zustaendig", "clara", "notiz", "x", "amt", "ordnungsamt"));
        assertThat(refused.statusCode()).as("POST " + action + " as " + caller).isEqualTo(403);
      }
    }
    // carl with his own token cannot act on the Bürgeramt's case: the 404 page, nothing changed
    PortalSession carl = PortalSession.of(port, "carl");
    String token = PortalSession.token(carl.get(QUEUE).body());
    HttpResponse<String> refused =
        carl.send(
            "POST",
            QUEUE + "/" + annas + "/zuweisung",
            Map.of("_csrf", token, "zustaendig", "carl"));
    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(asApi("clara", annas).path("assignee").asText(null)).isNull();
    // the clerks' navigation shows for clerks only
    assertThat(PortalSession.of(port, "clara").get("/portal").body())
        .contains("href=\"/portal/sachbearbeitung\"");
    assertThat(PortalSession.of(port, "anna").get("/portal").body())
        .doesNotContain("href=\"/portal/sachbearbeitung\"");
    // every page's header knows who is signed in, the public ones too
    for (String open : List.of("/portal/statistik", "/portal/transparenz", "/portal/beteiligung")) {
      assertThat(PortalSession.of(port, "clara").get(open).body())
          .as(open)
          .contains("Angemeldet als clara", "href=\"/portal/sachbearbeitung\"");
    }
  }

  @Test
  void errorsStandNextToTheirFieldsAndHostileTextStaysTextOnEveryPageThatShowsIt() {
    String id = submit("anna", "Fuer-die-Fehler");
    PortalSession clara = PortalSession.of(port, "clara");
    String path = QUEUE + "/" + id;
    String token = PortalSession.token(clara.get(path).body());
    assertThat(
            clara
                .send("POST", path + "/zuweisung", Map.of("_csrf", token, "zustaendig", "clara"))
                .statusCode())
        .isEqualTo(303);

    // every field missing: each error next to its field, and in the summary linking to it
    HttpResponse<String> empty =
        clara.send("POST", path + "/entscheidung", Map.of("_csrf", token, "ergebnis", "MAYBE"));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body())
        .contains("Es gibt ein Problem")
        .contains("href=\"#ergebnis\"", "href=\"#begruendung\"", "href=\"#rechtsgrundlage\"")
        .contains("id=\"begruendung-error\"", "aria-describedby=\"begruendung-error\"")
        .contains("Bitte wählen Sie eine der angebotenen Möglichkeiten.");
    HttpResponse<String> past =
        clara.send(
            "POST",
            path + "/rueckfrage",
            Map.of("_csrf", token, "frage", HOSTILE, "frist", LocalDate.now().toString()));
    assertThat(past.statusCode()).isEqualTo(400);
    assertThat(past.body()).contains("Das Datum muss nach dem heutigen Tag liegen.");
    inert(past.body());
    assertThat(past.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    HttpResponse<String> tooLong =
        clara.send("POST", path + "/notiz", Map.of("_csrf", token, "notiz", "x".repeat(10_001)));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("Der Text ist zu lang.");
    assertThat(asApi("clara", id).path("notes").size()).as("nothing stored").isZero();

    // hostile text in every free-text field, stored: inert on every page that shows it
    for (Map.Entry<String, Map<String, String>> action :
        List.of(
            Map.entry("notiz", Map.of("notiz", HOSTILE)),
            Map.entry(
                "rueckfrage",
                Map.of("frage", HOSTILE, "frist", LocalDate.now().plusDays(7).toString())))) {
      Map<String, String> fields = new java.util.HashMap<>(action.getValue());
      fields.put("_csrf", token);
      HttpResponse<String> sent = clara.send("POST", path + "/" + action.getKey(), fields);
      assertThat(sent.statusCode()).as(action.getKey() + ": " + sent.body()).isEqualTo(303);
      inert(clara.get(path).body());
    }
    String question = asApi("clara", id).path("informationRequests").get(0).path("id").asText();
    assertThat(
            clara
                .send(
                    "POST",
                    path + "/rueckfrage/" + question + "/abbruch",
                    Map.of("_csrf", token, "abbruch-grund", HOSTILE))
                .statusCode())
        .isEqualTo(303);
    assertThat(
            clara
                .send(
                    "POST",
                    path + "/entscheidung",
                    Map.of(
                        "_csrf",
                        token,
                        "ergebnis",
                        "REJECTED",
                        "begruendung",
                        HOSTILE,
                        "rechtsgrundlage",
                        HOSTILE))
                .statusCode())
        .isEqualTo(303);
    String decided = clara.get(path).body();
    inert(decided);
    assertThat(decided).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    inert(clara.get(QUEUE).body());
    inert(PortalSession.of(port, "anna").get("/portal/anliegen/" + id).body());

    // a rule of the case: a decided case cannot be decided again (409, said on the page)
    HttpResponse<String> again =
        clara.send(
            "POST",
            path + "/entscheidung",
            Map.of(
                "_csrf",
                token,
                "ergebnis",
                "APPROVED",
                "begruendung",
                "Doch",
                "rechtsgrundlage",
                "§ 18 BMG"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("id=\"abgelehnt\"").contains("Entschieden");
    assertThat(asApi("clara", id).path("decision").path("outcome").asText()).isEqualTo("REJECTED");

    // a filter value no filter takes: the queue again, the error next to the field
    HttpResponse<String> badFilter = clara.get(QUEUE + "?stand=GIBTSNICHT&name=%20-%20");
    assertThat(badFilter.statusCode()).isEqualTo(400);
    assertThat(badFilter.body()).contains("href=\"#stand\"", "id=\"stand-error\"");
    HttpResponse<String> badName = clara.get(QUEUE + "?name=---");
    assertThat(badName.statusCode()).isEqualTo(400);
    assertThat(badName.body()).contains("id=\"name-error\"");
    HttpResponse<String> badCursor = clara.get(QUEUE + "?weiter=kein-cursor");
    assertThat(badCursor.statusCode()).isEqualTo(400);
    // an unknown case, an absurd id: the 404 page
    assertThat(clara.get(QUEUE + "/unbekannt").statusCode()).isEqualTo(404);
    assertThat(clara.get(QUEUE + "/" + "x".repeat(300)).statusCode()).isEqualTo(404);
  }

  @Test
  void everyActionIsTheClerksOnTheWebAndEveryCasePageIsInTheApplicantsAccessLog() {
    String id = submit("anna", "Fuer-das-Protokoll");
    TestClient api = new TestClient(port);
    int before =
        api.get("/api/v1/privacy/me/access-log").as("anna").expect(200).path("items").size();
    PortalSession clara = PortalSession.of(port, "clara");
    String token = PortalSession.token(clara.get(QUEUE + "/" + id).body());
    clara.send("POST", QUEUE + "/" + id + "/notiz", Map.of("_csrf", token, "notiz", "Geprüft"));
    JsonNode log = api.get("/api/v1/privacy/me/access-log").as("anna").expect(200).path("items");
    assertThat(log.size()).as("the page, the note's answer").isGreaterThanOrEqualTo(before + 2);
    assertThat(log.toString()).contains("CLERK", "buergeramt").doesNotContain("clara");
    List<? extends DomainEventMessage<?>> history = events.readEvents(id).asStream().toList();
    DomainEventMessage<?> noted = history.get(history.size() - 1);
    assertThat(noted.getPayloadType().getSimpleName()).isEqualTo("InternalNoteAdded");
    assertThat(noted.getMetaData())
        .containsEntry("actorId", "clara")
        .containsEntry("actorRole", "CLERK")
        .containsEntry("channel", "web");
  }

  // --- in the browser

  private void freshBrowser() {
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

  private void signIn(String account) {
    open("/portal");
    page.findElement(By.linkText("Anmelden")).click();
    assertThat(page.getCurrentUrl()).endsWith("/login");
    page.findElement(By.id("username")).sendKeys(account);
    page.findElement(By.id("password")).sendKeys(TestClient.DEMO_PASSWORD);
    page.findElement(By.cssSelector("button[type=submit]")).click();
  }

  private void waitFor(ExpectedCondition<?> condition) {
    try {
      new WebDriverWait(page, Duration.ofSeconds(10)).until(condition);
    } catch (org.openqa.selenium.TimeoutException timedOut) {
      throw new AssertionError(
          "Waited in vain at " + page.getCurrentUrl() + ":\n" + page.getPageSource(), timedOut);
    }
  }

  private void assertInert() {
    assertThatThrownBy(() -> page.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    assertThat(page.findElements(By.cssSelector("main img"))).isEmpty();
    assertThat(page.findElements(By.cssSelector("main script"))).isEmpty();
  }

  private void submitForm(String action) {
    page.findElement(By.cssSelector("form[action$='/" + action + "'] button[type=submit]")).click();
  }

  @Test
  void aClerkTakesACaseAsksTheApplicantDecidesClosesAndForwardsAnother() {
    String id = submit("anna", "Vorlage-beim-Arbeitgeber");
    String other = submit("ben", "Fuer-die-Weitergabe");
    freshBrowser();
    signIn("clara");
    // the header's sign-in leads each role to its own pages: a clerk to the queue
    waitFor(ExpectedConditions.urlMatches(".*/portal/sachbearbeitung$"));
    assertThat(page.findElement(By.cssSelector("form.account")).getText())
        .contains("Angemeldet als clara");
    browser.checked("clerk-queue");
    assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Arbeitsvorrat");
    String caseNumber = asApi("clara", id).path("caseNumber").asText();
    assertThat(page.findElement(By.cssSelector("table.cases")).getText()).contains(caseNumber);

    // only my cases: none yet
    new Select(page.findElement(By.id("zustaendig"))).selectByValue("ich");
    browser.clickAndLoad(page.findElement(By.cssSelector("form.filters button[type=submit]")));
    browser.checked("clerk-queue-mine-empty");
    assertThat(page.findElement(By.tagName("main")).getText())
        .contains("Keine Vorgänge passen zu diesem Filter.");
    page.findElement(By.linkText("Filter zurücksetzen")).click();

    page.findElement(By.linkText(caseNumber)).click();
    browser.checked("clerk-case");
    assertThat(page.findElement(By.id("status")).getText()).isEqualTo("Eingegangen");
    assertThat(page.findElement(By.id("zugewiesen")).getText()).isEqualTo("niemand");
    assertThat(page.findElement(By.tagName("main")).getText())
        .contains("Vorlage-beim-Arbeitgeber", "Anna Beispiel", "anna@example.org");

    page.findElement(By.xpath("//button[normalize-space()='Selbst übernehmen']")).click();
    waitFor(ExpectedConditions.textToBe(By.id("zugewiesen"), "clara"));
    assertThat(page.findElement(By.cssSelector("[role=status]")).getText())
        .contains("Zuständigkeit ist gespeichert");
    assertThat(page.findElement(By.id("status")).getText()).isEqualTo("In Bearbeitung");

    // a note, hostile: stays text
    page.findElement(By.id("notiz")).sendKeys("Rückruf am Montag " + HOSTILE);
    submitForm("notiz");
    waitFor(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("ul.notes"), "Rückruf"));
    assertInert();
    assertThat(page.findElement(By.cssSelector("ul.notes")).getText()).contains(SCRIPT);

    // a question without its date: the error next to the field, the focus can go there
    page.findElement(By.id("frage")).sendKeys("Bitte senden Sie eine Kopie Ihres Ausweises.");
    submitForm("rueckfrage");
    waitFor(ExpectedConditions.titleContains("Es gibt ein Problem"));
    browser.checked("clerk-case-error");
    assertThat(page.findElement(By.id("frist-error")).getText()).contains("Bitte machen Sie");
    assertThat(page.findElement(By.id("frage")).getAttribute("value"))
        .isEqualTo("Bitte senden Sie eine Kopie Ihres Ausweises.");
    page.findElement(By.cssSelector(".error-summary a[href='#frist']")).click();
    assertThat(page.switchTo().activeElement().getAttribute("id")).isEqualTo("frist");
    LocalDate due = LocalDate.now().plusDays(14);
    // chromium's date field takes the digits in the order of its locale: TT.MM.JJJJ for de, but
    // some builds take the order of the system's locale whatever --lang says (MM/DD/YYYY); the
    // field's value (always ISO) tells which order it took
    WebElement dueField = page.findElement(By.id("frist"));
    dueField.sendKeys(
        String.format("%02d%02d%04d", due.getDayOfMonth(), due.getMonthValue(), due.getYear()));
    if (!due.toString().equals(dueField.getDomProperty("value"))) {
      dueField.clear();
      dueField.sendKeys(
          String.format("%02d%02d%04d", due.getMonthValue(), due.getDayOfMonth(), due.getYear()));
    }
    assertThat(dueField.getDomProperty("value")).isEqualTo(due.toString());
    submitForm("rueckfrage");
    waitFor(ExpectedConditions.textToBe(By.id("status"), "Wartet auf Antwort"));
    assertThat(page.findElement(By.tagName("main")).getText()).contains("Offene Rückfrage");

    // the applicant answers through her pages
    PortalSession anna = PortalSession.of(port, "anna");
    String annasPage = anna.get("/portal/anliegen/" + id).body();
    assertThat(
            anna.send(
                    "POST",
                    "/portal/anliegen/" + id + "/antwort",
                    Map.of("_csrf", PortalSession.token(annasPage), "antwort", "Kopie folgt."))
                .statusCode())
        .isEqualTo(303);
    page.navigate().refresh();
    assertThat(page.findElement(By.id("status")).getText()).isEqualTo("In Bearbeitung");
    assertThat(page.findElement(By.tagName("main")).getText())
        .contains("Beantwortete Rückfrage", "Kopie folgt.");

    // the decision, first without its legal basis
    page.findElement(By.cssSelector("label[for=ergebnis-APPROVED]")).click();
    page.findElement(By.id("begruendung")).sendKeys("Die Angaben sind vollständig.");
    submitForm("entscheidung");
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("rechtsgrundlage-error")));
    assertThat(page.findElement(By.id("ergebnis-APPROVED")).isSelected()).isTrue();
    page.findElement(By.id("rechtsgrundlage")).sendKeys("§ 18 BMG");
    submitForm("entscheidung");
    waitFor(ExpectedConditions.textToBe(By.id("status"), "Entschieden"));
    browser.checked("clerk-case-decided");
    assertThat(page.findElement(By.tagName("main")).getText()).contains("Bewilligt", "§ 18 BMG");
    submitForm("abschluss");
    waitFor(ExpectedConditions.textToBe(By.id("status"), "Abgeschlossen"));
    assertThat(page.findElements(By.cssSelector("form[action$='/entscheidung']"))).isEmpty();
    assertThat(anna.get("/portal/anliegen/" + id).body()).contains("Bewilligt");

    // forwarding ben's request to the Ordnungsamt: gone from clara's queue, in carl's
    open(QUEUE + "/" + other);
    page.findElement(By.xpath("//button[normalize-space()='Selbst übernehmen']")).click();
    waitFor(ExpectedConditions.textToBe(By.id("zugewiesen"), "clara"));
    new Select(page.findElement(By.id("amt"))).selectByValue("ordnungsamt");
    page.findElement(By.id("weiterleitung-grund")).sendKeys("Zuständig ist das Ordnungsamt.");
    submitForm("weiterleitung");
    waitFor(ExpectedConditions.urlMatches(".*/portal/sachbearbeitung$"));
    browser.checked("clerk-queue-forwarded");
    assertThat(page.findElement(By.cssSelector("[role=status]")).getText())
        .contains("wurde abgegeben");
    String otherNumber = asApi("carl", other).path("caseNumber").asText();
    assertThat(page.findElement(By.tagName("main")).getText()).doesNotContain(otherNumber);
    assertThat(PortalSession.of(port, "carl").get(QUEUE).body()).contains(otherNumber);

    // in English
    page.findElement(By.cssSelector("form.language button")).click();
    waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Work queue"));
    browser.checked("clerk-queue-english");
  }
}
