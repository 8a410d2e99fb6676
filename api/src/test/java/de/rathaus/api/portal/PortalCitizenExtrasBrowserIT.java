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
 * documents, their data with the access log and how to have it erased, and the map pin on a
 * report. Who may open which page (another citizen's request is the 404 page, staff get 403), the
 * CSRF token on every change, hostile names and texts staying text; the journey in chromium,
 * checked by axe-core on every page. The map's tiles point to a port on 127.0.0.1 where nothing
 * listens: the test never reaches the network, and the tiles fail as they would offline.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "rathaus.transparency.checkpoint-interval=1s",
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
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
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
