package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.api.TestClient;
import de.rathaus.api.TestClient.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Demo mode: HTTP Basic with the demo accounts; refusals are problem details in the caller's
 * language; a browser's changes need the CSRF token, whatever signed it in.
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  private TestClient client;

  @BeforeEach
  void client() {
    client = new TestClient(port);
  }

  private static void isProblem(Response response, int status) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void healthIsPublic() throws Exception {
    assertThat(client.get("/actuator/health").send().status()).isEqualTo(200);
  }

  @Test
  void anonymousCallersAreAskedToSignInWithAProblem() throws Exception {
    Response response = client.get("/api/v1/requests").send();
    isProblem(response, 401);
    assertThat(response.header("WWW-Authenticate")).isPresent();
  }

  @Test
  void aWrongPasswordIsRefused() throws Exception {
    isProblem(client.get("/api/v1/requests").basic("anna", "wrong").send(), 401);
  }

  @Test
  void rolesKeepToTheirResources() throws Exception {
    isProblem(client.get("/api/v1/requests").as("clara").send(), 403);
    isProblem(client.get("/api/v1/cases").as("anna").send(), 403);
    // the audit trail is the auditors' and the data-protection officer's (audit helper): a
    // moderator is refused it, and the admin is still refused the auditors' other resources
    isProblem(client.get("/api/v1/audit/events").as("mona").send(), 403);
    // the full verification of the history is the auditors' alone
    isProblem(client.get("/api/v1/audit/verification").as("ada").send(), 403);
    isProblem(
        client
            .get("/api/v1/privacy/subjects/x/erasure")
            .as("udo")
            .offContract("the erasure is a POST; the role is refused before the method")
            .send(),
        403);
  }

  @Test
  void whatIsNotListedIsRefusedToEveryone() throws Exception {
    isProblem(
        client.get("/api/v1/anything-else").as("ada").offContract("no such resource").send(), 403);
  }

  @Test
  void theOpenApiDescriptionIsPublic() throws Exception {
    Response response = client.get("/v3/api-docs").send();
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("\"openapi\"").contains("Rathaus API");
  }

  @Test
  void publicResourcesNeedNoSignIn() throws Exception {
    // an answer, not merely "not refused": a 500 is no service to anyone
    Response catalogue = client.get("/api/v1/services").send().expect(200);
    assertThat(catalogue.json().path("items").size()).isPositive();
    client.get("/api/v1/services/meldebescheinigung").send().expect(200);
    client.get("/api/v1/departments").send().expect(200);
    client.get("/actuator/health").send().expect(200);
    client.get("/v3/api-docs").send().expect(200);
  }

  @Test
  void refusalsAreInGermanByDefault() throws Exception {
    Response anonymous = client.get("/api/v1/requests").send();
    isProblem(anonymous, 401);
    assertThat(anonymous.json().path("title").asText()).isEqualTo("Anmeldung erforderlich");
    Response wrongRole = client.get("/api/v1/requests").as("clara").send();
    isProblem(wrongRole, 403);
    assertThat(wrongRole.json().path("title").asText()).isEqualTo("Verboten");
  }

  @Test
  void refusalsAreInEnglishWhenAskedFor() throws Exception {
    TestClient english = client.withHeader("Accept-Language", "en");
    Response anonymous = english.get("/api/v1/requests").send();
    isProblem(anonymous, 401);
    assertThat(anonymous.json().path("title").asText()).isEqualTo("Authentication required");
    Response wrongRole = english.get("/api/v1/requests").as("clara").send();
    isProblem(wrongRole, 403);
    assertThat(wrongRole.json().path("title").asText()).isEqualTo("Forbidden");
  }

  // --- CSRF: a browser that once signed in with HTTP Basic sends the credentials by itself

  private static final String CERTIFICATE =
      """
      {"serviceCode": "meldebescheinigung",
       "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post", "copies": 1},
       "applicant": {"name": "Anna Beispiel"}}
      """;

  /** A buergeramt case that clara has decided: the next step is closing it. */
  private String decidedCase() {
    String id =
        client
            .post("/api/v1/requests")
            .as("anna")
            .json(CERTIFICATE)
            .expect(201)
            .path("id")
            .asText();
    client
        .post("/api/v1/cases/" + id + "/assignment")
        .as("clara")
        .json("{\"assignee\": \"clara\"}")
        .expect(200);
    client
        .post("/api/v1/cases/" + id + "/decision")
        .as("clara")
        .json(
            "{\"outcome\": \"approved\", \"reasoning\": \"vollständig\", \"legalBasis\": \"§ 18 BMG\"}")
        .expect(200);
    return id;
  }

  private String status(String id) {
    return client.get("/api/v1/cases/" + id).as("clara").expect(200).path("status").asText();
  }

  /**
   * What a browser sends when another site's page submits a form without fields to the engine: no
   * body, the browser's markers ({@code Origin}, {@code Sec-Fetch-*}) and the Basic credentials it
   * remembers for the engine's address.
   */
  private TestClient.Call crossSiteFormPost(String path) {
    return client
        .post(path)
        .as("clara")
        .body("", "application/x-www-form-urlencoded")
        .header("Origin", "https://evil.example")
        .header("Sec-Fetch-Site", "cross-site")
        .header("Sec-Fetch-Mode", "navigate");
  }

  @Test
  void aCrossSiteFormPostWithCachedBasicCredentialsIsRefused() throws Exception {
    String id = decidedCase();
    Response refused = crossSiteFormPost("/api/v1/cases/" + id + "/closure").send();
    isProblem(refused, 403);
    assertThat(refused.json().path("type").asText()).endsWith("/csrf");
    assertThat(status(id)).isEqualTo("DECIDED");
  }

  @Test
  void programsWithBasicCredentialsNeedNoCsrfToken() throws Exception {
    String id = decidedCase();
    // what curl -u clara:demo -X POST sends: no browser markers
    client.post("/api/v1/cases/" + id + "/closure").as("clara").expect(200);
    assertThat(status(id)).isEqualTo("CLOSED");
  }

  @Test
  void aBrowserPageWithTheCsrfTokenMayChangeWithBasicCredentials() throws Exception {
    String id = decidedCase();
    Response page = client.get("/").send();
    String token =
        page.headers().allValues("Set-Cookie").stream()
            .filter(cookie -> cookie.startsWith("XSRF-TOKEN="))
            .map(cookie -> cookie.substring("XSRF-TOKEN=".length()).split(";")[0])
            .findFirst()
            .orElseThrow();
    Response closed =
        client
            .post("/api/v1/cases/" + id + "/closure")
            .as("clara")
            .header("Origin", "http://127.0.0.1:" + port)
            .header("Sec-Fetch-Site", "same-origin")
            .header("Cookie", "XSRF-TOKEN=" + token)
            .header("X-XSRF-TOKEN", token)
            .send();
    assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    assertThat(status(id)).isEqualTo("CLOSED");
  }
}
