package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.api.TestClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The citizen's path through the portal, signed in through the demo login form: the request form
 * generated from the service's definition (errors next to each field and in a summary linking to
 * them, what was entered kept), the request's page with its timeline, the answer to the office's
 * question and the withdrawal; who may open which page, the CSRF token on every change, another
 * citizen's request as the 404 page, the access log, and scripts typed into every field staying
 * text. The journeys run in chromium (skipped where it is not installed), checked by axe-core on
 * every page; the rest needs no browser.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
class PortalCitizenBrowserIT {

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMAGE = "\"><img src=x onerror=alert(1)>";
  static final String HOSTILE = SCRIPT + IMAGE;

  static final String FORM = "/portal/leistungen/meldebescheinigung/antrag";

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

  /** Every event of the request was caused by anna through the portal (the channel web). */
  private void allByAnnaOnTheWeb(String id, int atLeast) {
    List<? extends DomainEventMessage<?>> history = events.readEvents(id).asStream().toList();
    List<? extends DomainEventMessage<?>> hers =
        history.stream().filter(e -> "anna".equals(e.getMetaData().get("actorId"))).toList();
    assertThat(hers).hasSizeGreaterThanOrEqualTo(atLeast);
    hers.forEach(
        e ->
            assertThat(e.getMetaData())
                .as(e.getPayloadType().getSimpleName())
                .containsEntry("actorRole", "CITIZEN")
                .containsEntry("channel", "web"));
  }

  @AfterAll
  static void stopBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  // --- without a browser

  /** Submits a Meldebescheinigung through the portal as {@code session}'s citizen: its id. */
  private String submit(PortalSession session, String purpose, String description) {
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
                Map.entry("a_purpose", purpose),
                Map.entry("a_delivery", "post"),
                Map.entry("a_copies", "2"),
                Map.entry("description", description),
                Map.entry("name", "Anna Beispiel"),
                Map.entry("email", "anna@example.org")));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    String location = sent.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/portal/anliegen/");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  @Test
  void theCitizensPagesAreForCitizensOnlyAndAnotherCitizensRequestIsNotFound() {
    PortalSession anna = PortalSession.of(port, "anna");
    String annas = submit(anna, "Nachweis-fuer-Anna", "");
    List<String> pages = List.of(FORM, "/portal/anliegen", "/portal/anliegen/" + annas);
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
        } else if (caller.equals("anna")) {
          assertThat(answer.statusCode()).as(as).isEqualTo(200);
          assertThat(answer.body()).contains("Angemeldet als anna", "Abmelden");
        } else if (caller.equals("ben")) {
          assertThat(answer.statusCode())
              .as(as)
              .isEqualTo(path.equals("/portal/anliegen/" + annas) ? 404 : 200);
          assertThat(answer.body()).doesNotContain("Nachweis-fuer-Anna");
        } else {
          assertThat(answer.statusCode()).as(as).isEqualTo(403);
          assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
              .startsWith("text/html");
          assertThat(answer.body()).contains("Kein Zugriff").doesNotContain("Nachweis-fuer-Anna");
        }
        assertThat(answer.headers().firstValue("Content-Security-Policy")).as(as).isPresent();
      }
      // no change without the form's CSRF token, whoever sends it
      for (String path :
          List.of(
              FORM,
              "/portal/anliegen/" + annas + "/antwort",
              "/portal/anliegen/" + annas + "/ruecknahme",
              "/portal/abmelden")) {
        HttpResponse<String> refused =
            session.send(
                "POST",
                path,
                Map.of(
                    "antwort",
                    "x",
                    "bestaetigt",
                    "ja",
                    "a_purpose",
                    "x",
                    "formular",
                    "00000000-0000-0000-0000-000000000000"));
        assertThat(refused.statusCode()).as("POST " + path + " as " + caller).isEqualTo(403);
      }
    }
    // ben with his own token cannot act on anna's request either: the 404 page, nothing changed
    PortalSession ben = PortalSession.of(port, "ben");
    String token = PortalSession.token(ben.get("/portal/anliegen").body());
    assertThat(
            ben.send(
                    "POST",
                    "/portal/anliegen/" + annas + "/ruecknahme",
                    Map.of("_csrf", token, "bestaetigt", "ja"))
                .statusCode())
        .isEqualTo(404);
    assertThat(anna.get("/portal/anliegen/" + annas).body()).contains("Eingereicht");
    assertThat(
            new TestClient(port)
                .get("/api/v1/requests/" + annas)
                .as("anna")
                .expect(200)
                .path("status")
                .asText())
        .isEqualTo("SUBMITTED");
  }

  @Test
  void anAnonymousVisitorSignsInAndComesBackToThePageAndSignsOut() {
    PortalSession visitor = new PortalSession(port);
    assertThat(visitor.get("/portal").body()).contains("Anmelden").doesNotContain("Abmelden");
    assertThat(visitor.get(FORM).headers().firstValue("Location").orElseThrow()).endsWith("/login");
    HttpResponse<String> form = visitor.get("/login");
    HttpResponse<String> signedIn =
        visitor.send(
            "POST",
            "/login",
            Map.of(
                "username",
                "anna",
                "password",
                TestClient.DEMO_PASSWORD,
                "_csrf",
                PortalSession.token(form.body())));
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith(FORM);
    HttpResponse<String> back = visitor.get(FORM);
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.body()).contains("Angemeldet als anna");
    HttpResponse<String> out =
        visitor.send("POST", "/portal/abmelden", Map.of("_csrf", PortalSession.token(back.body())));
    assertThat(out.statusCode()).isEqualTo(302);
    assertThat(visitor.get(FORM).statusCode()).isEqualTo(302);
    // someone else signs in in the same browser: back to the page, as them
    HttpResponse<String> again = visitor.get("/login");
    HttpResponse<String> ben =
        visitor.send(
            "POST",
            "/login",
            Map.of(
                "username",
                "ben",
                "password",
                TestClient.DEMO_PASSWORD,
                "_csrf",
                PortalSession.token(again.body())));
    assertThat(ben.statusCode()).isEqualTo(302);
    assertThat(ben.headers().firstValue("Location").orElseThrow()).endsWith(FORM);
    assertThat(visitor.get(FORM).body()).contains("Angemeldet als ben");
    // without a portal page asking, the login form still leads to its own start page
    PortalSession other = PortalSession.of(port, null);
    HttpResponse<String> plain = other.get("/login");
    assertThat(
            other
                .send(
                    "POST",
                    "/login",
                    Map.of(
                        "username",
                        "ben",
                        "password",
                        TestClient.DEMO_PASSWORD,
                        "_csrf",
                        PortalSession.token(plain.body())))
                .headers()
                .firstValue("Location")
                .orElseThrow())
        .endsWith(":" + port + "/");
  }

  @Test
  void errorsAreShownNextToEachFieldWithASummaryAndWhatWasEnteredIsKept() {
    PortalSession anna = PortalSession.of(port, "anna");
    int before = mine("anna");
    HttpResponse<String> form = anna.get(FORM);
    assertThat(form.body())
        .contains("type=\"radio\"", "type=\"number\"", "Pflichtangabe", "<fieldset", "<legend");
    HttpResponse<String> sent =
        anna.send(
            "POST",
            FORM,
            List.of(
                Map.entry("_csrf", PortalSession.token(form.body())),
                Map.entry("formular", PortalSession.formId(form.body())),
                Map.entry("a_certificate_kind", "simple"),
                Map.entry("a_purpose", ""),
                Map.entry("a_copies", "zwei"),
                Map.entry("a_delivery", "teleport"),
                Map.entry("description", HOSTILE),
                Map.entry("name", HOSTILE),
                Map.entry("email", "keine-adresse"),
                // a phone number has at most 50 characters: the image alone fits
                Map.entry("phone", IMAGE),
                Map.entry("address", HOSTILE)));
    assertThat(sent.statusCode()).isEqualTo(400);
    String body = sent.body();
    assertThat(body)
        .contains("Es gibt ein Problem")
        .contains("href=\"#feld-purpose\"", "href=\"#feld-copies\"", "href=\"#feld-delivery-0\"")
        .contains("href=\"#feld-email\"", "aria-describedby=\"feld-email-error\"")
        .contains("id=\"feld-purpose-error\"", "aria-describedby=\"feld-purpose-error\"")
        .contains("aria-describedby=\"feld-copies-hint feld-copies-error\"")
        .contains("Bitte geben Sie eine Zahl ein")
        .contains("value=\"zwei\"", "value=\"keine-adresse\"")
        // the simple certificate stays chosen
        .containsPattern("value=\"simple\"\\s+checked");
    assertThat(body).doesNotContain(SCRIPT).doesNotContain("<img src=x");
    assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(mine("anna")).as("nothing submitted").isEqualTo(before);
  }

  @Test
  void aReportAsksForThePlaceAndAListForCheckboxesAndBothWorkInEnglish() {
    PortalSession anna = PortalSession.of(port, "anna");
    String report = "/portal/leistungen/maengelmelder/antrag";
    HttpResponse<String> form = anna.get(report);
    assertThat(form.body())
        .contains("id=\"feld-lat\"", "id=\"feld-lon\"", "id=\"feld-place\"")
        .contains("type=\"number\"");
    String token = PortalSession.token(form.body());
    HttpResponse<String> wrong =
        anna.send(
            "POST",
            report,
            List.of(
                Map.entry("_csrf", token),
                Map.entry("formular", PortalSession.formId(form.body())),
                Map.entry("a_category", "pothole"),
                Map.entry("lat", "91"),
                Map.entry("lon", "neun"),
                Map.entry("place", HOSTILE)));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body())
        .contains("href=\"#feld-lat\"", "href=\"#feld-lon\"")
        .contains("Der Breitengrad liegt zwischen -90 und 90.")
        .contains("value=\"91\"", "value=\"neun\"")
        .doesNotContain(SCRIPT)
        .doesNotContain("<img src=x");
    // a report needs no name; the comma is a decimal point too
    HttpResponse<String> sent =
        anna.send(
            "POST",
            report,
            List.of(
                Map.entry("_csrf", token),
                Map.entry("formular", PortalSession.formId(wrong.body())),
                Map.entry("a_category", "pothole"),
                Map.entry("a_photo_note", HOSTILE),
                Map.entry("lat", "49,1427"),
                Map.entry("lon", "9.2109"),
                Map.entry("place", HOSTILE)));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    String page = anna.get(sent.headers().firstValue("Location").orElseThrow()).body();
    assertThat(page)
        .contains("49.1427, 9.2109")
        .doesNotContain(SCRIPT)
        .doesNotContain("<img src=x");

    // checkboxes in a fieldset, a date, several choices at once
    String bulky = "/portal/leistungen/sperrmuell/antrag";
    HttpResponse<String> bulkyForm = anna.get(bulky);
    assertThat(bulkyForm.body()).contains("type=\"checkbox\"", "type=\"date\"", "<legend>");
    HttpResponse<String> bulkySent =
        anna.send(
            "POST",
            bulky,
            List.of(
                Map.entry("_csrf", token),
                Map.entry("formular", PortalSession.formId(bulkyForm.body())),
                Map.entry("a_preferred_date", LocalDate.now().plusDays(10).toString()),
                Map.entry("a_items", "furniture"),
                Map.entry("a_items", "bicycles"),
                Map.entry("a_estimated_volume_m3", "2.5"),
                Map.entry("name", "Anna Beispiel")));
    assertThat(bulkySent.statusCode()).as(bulkySent.body()).isEqualTo(303);
    String bulkyId = bulkySent.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
    JsonNode stored =
        new TestClient(port).get("/api/v1/requests/" + bulkyId).as("anna").expect(200);
    assertThat(stored.path("attributes").path("items").toString())
        .isEqualTo("[\"furniture\",\"bicycles\"]");

    // in English
    HttpResponse<String> english =
        anna.send(
            "POST",
            "/portal/sprache",
            Map.of("_csrf", token, "lang", "en", "zurueck", "/portal/anliegen"));
    assertThat(english.statusCode()).isEqualTo(303);
    String list = anna.get("/portal/anliegen").body();
    assertThat(list).contains("<html lang=\"en\"", "My requests", "Submitted", "Signed in as anna");
    String request = anna.get("/portal/anliegen/" + bulkyId).body();
    assertThat(request).contains("Request submitted", "History", "Withdraw the request");
  }

  private int mine(String citizen) {
    return new TestClient(port)
        .get("/api/v1/requests?size=500")
        .as(citizen)
        .expect(200)
        .path("items")
        .size();
  }

  @Test
  void aSubmissionIsTheSameAsTheApisAndItsPageIsInTheAccessLog() {
    PortalSession anna = PortalSession.of(port, "anna");
    HttpResponse<String> form = anna.get(FORM);
    List<Map.Entry<String, String>> fields =
        List.of(
            Map.entry("_csrf", PortalSession.token(form.body())),
            Map.entry("formular", PortalSession.formId(form.body())),
            Map.entry("a_certificate_kind", "extended"),
            Map.entry("a_purpose", "Vorlage beim Vermieter"),
            Map.entry("a_delivery", "pickup"),
            Map.entry("a_copies", "2"),
            Map.entry("name", "Anna Beispiel"));
    HttpResponse<String> first = anna.send("POST", FORM, fields);
    assertThat(first.statusCode()).isEqualTo(303);
    String location = first.headers().firstValue("Location").orElseThrow();
    String id = location.substring(location.lastIndexOf('/') + 1);
    // the same form sent again (a reload, a double click) is the same request
    HttpResponse<String> again = anna.send("POST", FORM, fields);
    assertThat(again.headers().firstValue("Location").orElseThrow()).isEqualTo(location);

    allByAnnaOnTheWeb(id, 1);
    TestClient api = new TestClient(port);
    JsonNode request = api.get("/api/v1/requests/" + id).as("anna").expect(200);
    assertThat(request.path("attributes").path("purpose").asText())
        .isEqualTo("Vorlage beim Vermieter");
    assertThat(request.path("serviceCode").asText()).isEqualTo("meldebescheinigung");
    int before = entries(api, id);

    HttpResponse<String> shown = anna.get("/portal/anliegen/" + id);
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.body())
        .contains(request.path("caseNumber").asText())
        .contains("Eingereicht", "Anliegen eingereicht", "Vorlage beim Vermieter")
        .contains("Erweiterte Meldebescheinigung", "Abholung im Bürgeramt");
    assertThat(entries(api, id)).as("one access-log entry per page shown").isEqualTo(before + 1);
    JsonNode entry =
        api.get("/api/v1/privacy/access-log?requestId=" + id).as("ada").expect(200).path("items");
    List<String> readers = new ArrayList<>();
    entry.forEach(e -> readers.add(e.path("reader").asText() + "/" + e.path("kind").asText()));
    assertThat(readers).contains("anna/REQUEST");
    // the list shows it with its status in words
    assertThat(anna.get("/portal/anliegen").body())
        .contains(request.path("caseNumber").asText(), "Meldebescheinigung", "Eingereicht");
  }

  private static int entries(TestClient api, String id) {
    return api.get("/api/v1/privacy/access-log?requestId=" + id)
        .as("ada")
        .expect(200)
        .path("items")
        .size();
  }

  @Test
  void answersAndWithdrawalsGoThroughTheSameCommandsAndHostileTextStaysText() {
    PortalSession anna = PortalSession.of(port, "anna");
    String id = submit(anna, HOSTILE, HOSTILE);
    TestClient api = new TestClient(port);
    api.post("/api/v1/cases/" + id + "/assignment")
        .as("clara")
        .json("{\"assignee\":\"clara\"}")
        .expect(200);
    api.post("/api/v1/cases/" + id + "/information-requests")
        .as("clara")
        .json(
            "{\"question\":\"Für welchen Arbeitgeber?\",\"dueDate\":\""
                + LocalDate.now().plusDays(14)
                + "\"}")
        .expect(200);
    HttpResponse<String> asked = anna.get("/portal/anliegen/" + id);
    assertThat(asked.body()).contains("Für welchen Arbeitgeber?", "Wartet auf Ihre Antwort");
    String token = PortalSession.token(asked.body());
    HttpResponse<String> empty =
        anna.send(
            "POST", "/portal/anliegen/" + id + "/antwort", Map.of("_csrf", token, "antwort", "  "));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("href=\"#antwort\"", "id=\"antwort-error\"");
    HttpResponse<String> answered =
        anna.send(
            "POST",
            "/portal/anliegen/" + id + "/antwort",
            Map.of("_csrf", token, "antwort", HOSTILE));
    assertThat(answered.statusCode()).isEqualTo(303);
    JsonNode request = api.get("/api/v1/requests/" + id).as("anna").expect(200);
    assertThat(request.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(request.path("informationRequests").get(0).path("answer").asText())
        .isEqualTo(HOSTILE);
    for (String path : List.of("/portal/anliegen/" + id, "/portal/anliegen")) {
      String body = anna.get(path).body();
      assertThat(body).as(path).doesNotContain(SCRIPT).doesNotContain("<img src=x");
    }
    String page = anna.get("/portal/anliegen/" + id).body();
    assertThat(page).contains("Ihre Antwort ist eingegangen", "&lt;script&gt;alert(1)");

    // withdrawing needs the confirmation
    HttpResponse<String> unconfirmed =
        anna.send(
            "POST",
            "/portal/anliegen/" + id + "/ruecknahme",
            Map.of("_csrf", token, "grund", HOSTILE));
    assertThat(unconfirmed.statusCode()).isEqualTo(400);
    assertThat(unconfirmed.body()).contains("href=\"#bestaetigt\"").doesNotContain(SCRIPT);
    assertThat(api.get("/api/v1/requests/" + id).as("anna").expect(200).path("status").asText())
        .isEqualTo("IN_PROGRESS");
    HttpResponse<String> withdrawn =
        anna.send(
            "POST",
            "/portal/anliegen/" + id + "/ruecknahme",
            Map.of("_csrf", token, "grund", HOSTILE, "bestaetigt", "ja"));
    assertThat(withdrawn.statusCode()).isEqualTo(303);
    assertThat(api.get("/api/v1/requests/" + id).as("anna").expect(200).path("status").asText())
        .isEqualTo("WITHDRAWN");
    String after = anna.get("/portal/anliegen/" + id).body();
    assertThat(after)
        .contains("Zurückgenommen", "Von Ihnen zurückgenommen")
        .doesNotContain(SCRIPT)
        .doesNotContain("<img src=x")
        .doesNotContain("ruecknahme\"");
    // again: the request moved on, the page says so (409), nothing changes
    HttpResponse<String> twice =
        anna.send(
            "POST",
            "/portal/anliegen/" + id + "/ruecknahme",
            Map.of("_csrf", token, "bestaetigt", "ja"));
    assertThat(twice.statusCode()).isEqualTo(409);
    // submitted, answered, withdrawn: each by anna through the portal
    allByAnnaOnTheWeb(id, 3);
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

  private void signInThroughTheHeader(String account) {
    open("/portal");
    page.findElement(By.linkText("Anmelden")).click();
    assertThat(page.getCurrentUrl()).endsWith("/login");
    page.findElement(By.id("username")).sendKeys(account);
    page.findElement(By.id("password")).sendKeys(TestClient.DEMO_PASSWORD);
    page.findElement(By.cssSelector("button[type=submit]")).click();
    waitFor(ExpectedConditions.urlMatches(".*/portal/anliegen$"));
    assertThat(page.findElement(By.cssSelector("form.account")).getText())
        .contains("Angemeldet als " + account, "Abmelden");
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

  @Test
  void annaAppliesForACertificateCorrectsHerMistakeAndAnswersTheOfficesQuestion() {
    freshCitizen();
    signInThroughTheHeader("anna");
    browser.checked("citizen-my-requests-empty");

    page.findElement(By.linkText("Leistungen")).click();
    page.findElement(By.id("q")).sendKeys("Meldebescheinigung");
    page.findElement(By.cssSelector("form[role=search] button")).click();
    waitFor(ExpectedConditions.urlContains("q=Meldebescheinigung"));
    page.findElement(By.linkText("Meldebescheinigung")).click();
    waitFor(ExpectedConditions.urlMatches(".*/leistungen/meldebescheinigung$"));
    page.findElement(By.linkText("Antrag online stellen")).click();
    waitFor(ExpectedConditions.urlMatches(".*/antrag$"));
    browser.checked("citizen-form");
    assertThat(page.findElement(By.tagName("h1")).getText()).contains("Meldebescheinigung");

    page.findElement(By.cssSelector("label[for=feld-certificate_kind-0]")).click();
    page.findElement(By.cssSelector("label[for=feld-delivery-1]")).click();
    page.findElement(By.id("feld-copies")).sendKeys("2");
    page.findElement(By.id("feld-description")).sendKeys(HOSTILE);
    page.findElement(By.id("feld-name")).sendKeys("Anna Beispiel");
    page.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitFor(ExpectedConditions.titleContains("Es gibt ein Problem"));

    browser.checked("citizen-form-error");
    assertThat(page.getTitle()).startsWith("Es gibt ein Problem");
    WebElement summary = page.findElement(By.cssSelector(".error-summary"));
    assertThat(summary.getText()).contains("Verwendungszweck", "Bitte machen Sie hier eine Angabe");
    assertThat(page.findElement(By.id("feld-purpose-error")).getText())
        .contains("Bitte machen Sie hier eine Angabe");
    assertThat(page.findElement(By.id("feld-purpose")).getAttribute("aria-describedby"))
        .isEqualTo("feld-purpose-error");
    // what anna entered is kept
    assertThat(page.findElement(By.id("feld-copies")).getAttribute("value")).isEqualTo("2");
    assertThat(page.findElement(By.id("feld-delivery-1")).isSelected()).isTrue();
    assertThat(page.findElement(By.id("feld-description")).getAttribute("value"))
        .isEqualTo(HOSTILE);
    assertInert();
    // the summary's link leads to the field
    summary.findElement(By.cssSelector("a[href='#feld-purpose']")).click();
    assertThat(page.switchTo().activeElement().getAttribute("id")).isEqualTo("feld-purpose");
    page.switchTo().activeElement().sendKeys("Vorlage beim Arbeitgeber");
    page.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitFor(ExpectedConditions.urlContains("/portal/anliegen/"));

    browser.checked("citizen-request");
    assertThat(page.getCurrentUrl()).contains("/portal/anliegen/");
    String id = page.getCurrentUrl().replaceAll(".*/anliegen/([^?#]+).*", "$1");
    assertThat(page.findElement(By.id("status")).getText()).isEqualTo("Eingereicht");
    assertThat(page.findElement(By.cssSelector("ol.timeline")).getText())
        .contains("Anliegen eingereicht", "Stand danach:", "Eingereicht");
    assertThat(page.findElement(By.tagName("main")).getText())
        .contains("Vorlage beim Arbeitgeber", "Abholung im Bürgeramt", SCRIPT);
    assertInert();

    TestClient api = new TestClient(port);
    api.post("/api/v1/cases/" + id + "/assignment")
        .as("clara")
        .json("{\"assignee\":\"clara\"}")
        .expect(200);
    api.post("/api/v1/cases/" + id + "/information-requests")
        .as("clara")
        .json(
            "{\"question\":\"Für welchen Arbeitgeber?\",\"dueDate\":\""
                + LocalDate.now().plusDays(14)
                + "\"}")
        .expect(200);
    page.navigate().refresh();
    browser.checked("citizen-request-question");
    assertThat(page.findElement(By.id("status")).getText()).isEqualTo("Wartet auf Ihre Antwort");
    page.findElement(By.id("antwort")).sendKeys("Für die Firma Muster GmbH " + HOSTILE);
    page.findElement(By.cssSelector("section[aria-labelledby=fragen] form button[type=submit]"))
        .click();
    waitFor(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("ol.timeline"), "Ihre Antwort ist eingegangen"));
    browser.checked("citizen-request-answered");
    assertThat(page.findElement(By.cssSelector("ol.timeline")).getText())
        .contains("Ihre Antwort ist eingegangen");
    assertThat(page.findElement(By.id("fragen")).findElement(By.xpath("..")).getText())
        .contains("Für die Firma Muster GmbH " + SCRIPT);
    assertInert();

    page.findElement(By.linkText("Meine Anliegen")).click();
    waitFor(ExpectedConditions.urlMatches(".*/portal/anliegen$"));
    browser.checked("citizen-my-requests");
    assertThat(page.findElement(By.cssSelector("table.requests")).getText())
        .contains("Meldebescheinigung", "In Bearbeitung");
    assertInert();
  }

  @Test
  void annaWithdrawsARequestAfterConfirmingIt() {
    freshCitizen();
    signInThroughTheHeader("anna");
    open(FORM);
    page.findElement(By.cssSelector("label[for=feld-certificate_kind-1]")).click();
    page.findElement(By.id("feld-purpose")).sendKeys("Umzug");
    page.findElement(By.cssSelector("label[for=feld-delivery-0]")).click();
    page.findElement(By.id("feld-name")).sendKeys("Anna Beispiel");
    page.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitFor(ExpectedConditions.urlContains("/portal/anliegen/"));
    assertThat(page.findElement(By.id("status")).getText()).isEqualTo("Eingereicht");

    page.findElement(By.id("grund")).sendKeys("Doch nicht nötig " + HOSTILE);
    page.findElement(
            By.cssSelector(
                "#zuruecknehmen + p + form button, section[aria-labelledby=zuruecknehmen] button"))
        .click();
    waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
    browser.checked("citizen-withdraw-unconfirmed");
    assertThat(page.findElement(By.cssSelector(".error-summary")).getText())
        .contains("Bitte bestätigen Sie");
    assertThat(page.findElement(By.id("grund")).getAttribute("value"))
        .isEqualTo("Doch nicht nötig " + HOSTILE);
    page.findElement(By.cssSelector("label[for=bestaetigt]")).click();
    page.findElement(By.cssSelector("section[aria-labelledby=zuruecknehmen] button")).click();
    waitFor(ExpectedConditions.textToBe(By.id("status"), "Zurückgenommen"));
    browser.checked("citizen-withdrawn");
    assertThat(page.findElement(By.id("status")).getText()).isEqualTo("Zurückgenommen");
    assertThat(page.findElement(By.cssSelector("ol.timeline")).getText())
        .contains("Von Ihnen zurückgenommen");
    assertThat(page.findElements(By.id("zuruecknehmen"))).isEmpty();
    assertInert();

    // ben sees the 404 page for anna's request
    String annas = page.getCurrentUrl().replaceAll(".*/anliegen/([^?#]+).*", "$1");
    page.findElement(By.cssSelector("form.account button")).click();
    waitFor(ExpectedConditions.presenceOfElementLocated(By.linkText("Anmelden")));
    signInThroughTheHeader("ben");
    open("/portal/anliegen/" + annas);
    browser.checked("citizen-other-request-not-found");
    assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Seite nicht gefunden");
    assertThat(page.findElement(By.tagName("main")).getText()).doesNotContain("Umzug");
  }
}
