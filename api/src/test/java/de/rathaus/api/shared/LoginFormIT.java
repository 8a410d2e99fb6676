package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.api.TestClient;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Demo mode's login form: a browser signs in with a demo account, its session opens the API (reads
 * at once, changes only with the CSRF token), commands sent so carry the channel {@code web}, and
 * signing out closes the API again.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginFormIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  @Autowired EventStore events;

  private final CookieManager cookies = new CookieManager();
  private final HttpClient browser =
      HttpClient.newBuilder()
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private static final String SUBMISSION =
      """
      {"serviceCode": "meldebescheinigung",
       "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber",
                      "delivery": "post", "copies": 1},
       "applicant": {"name": "Anna Beispiel"}}
      """;

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
    Map<String, List<String>> cookie = cookies.get(built.uri(), Map.of()); // what the browser adds
    HttpResponse<String> response = browser.send(built, HttpResponse.BodyHandlers.ofString());
    TestClient.checkContract(response, cookie);
    return response;
  }

  private URI at(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> signIn(String user, String password) throws Exception {
    HttpResponse<String> page = send(HttpRequest.newBuilder(at("/login")));
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
    assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    return send(
        HttpRequest.newBuilder(at("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private String csrfCookie() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aBrowserSignedInThroughTheFormUsesTheApiWithItsSession() throws Exception {
    HttpResponse<String> signedIn = signIn("anna", "demo");
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/");
    assertThat(send(HttpRequest.newBuilder(at("/"))).statusCode()).isEqualTo(200);

    assertThat(send(HttpRequest.newBuilder(at("/api/v1/requests"))).statusCode()).isEqualTo(200);

    HttpRequest.Builder submission =
        HttpRequest.newBuilder(at("/api/v1/requests"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(SUBMISSION));
    assertThat(send(submission).statusCode()).as("a change without the CSRF token").isEqualTo(403);
    HttpResponse<String> submitted =
        send(
            HttpRequest.newBuilder(at("/api/v1/requests"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", csrfCookie())
                .POST(HttpRequest.BodyPublishers.ofString(SUBMISSION)));
    assertThat(submitted.statusCode()).isEqualTo(201);
    String id = submitted.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");

    List<? extends DomainEventMessage<?>> history = events.readEvents(id).asStream().toList();
    assertThat(history).isNotEmpty();
    assertThat(history.get(0).getMetaData())
        .containsEntry("actorId", "anna")
        .containsEntry("actorRole", "CITIZEN")
        .containsEntry("channel", "web")
        .containsKeys("correlationId", "causationId");

    HttpResponse<String> signedOut =
        send(
            HttpRequest.newBuilder(at("/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + URLEncoder.encode(csrfCookie(), StandardCharsets.UTF_8))));
    assertThat(signedOut.statusCode()).isEqualTo(302);
    assertThat(send(HttpRequest.newBuilder(at("/api/v1/requests"))).statusCode()).isEqualTo(401);
  }

  @Test
  void aWrongPasswordOpensNothing() throws Exception {
    HttpResponse<String> refused = signIn("anna", "wrong");
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/login?error");
    assertThat(send(HttpRequest.newBuilder(at("/api/v1/requests"))).statusCode()).isEqualTo(401);
  }

  @Test
  void callsWithCredentialsAreStampedApiAndNeedNoToken() throws Exception {
    HttpResponse<String> submitted =
        send(
            HttpRequest.newBuilder(at("/api/v1/requests"))
                .header("Content-Type", "application/json")
                .header(
                    "Authorization",
                    "Basic "
                        + java.util.Base64.getEncoder()
                            .encodeToString("ben:demo".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(SUBMISSION.replace("Anna", "Ben"))));
    assertThat(submitted.statusCode()).isEqualTo(201);
    String id = submitted.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    assertThat(events.readEvents(id).asStream().toList().get(0).getMetaData())
        .containsEntry("actorId", "ben")
        .containsEntry("channel", "api");
  }
}
