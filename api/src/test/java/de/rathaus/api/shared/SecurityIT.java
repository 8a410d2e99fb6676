package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Demo mode: HTTP Basic with the demo accounts; refusals are problem details. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path, String user, String password) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    if (user != null) {
      String credentials = user + ":" + password;
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void isProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void healthIsPublic() throws Exception {
    assertThat(get("/actuator/health", null, null).statusCode()).isEqualTo(200);
  }

  @Test
  void anonymousCallersAreAskedToSignInWithAProblem() throws Exception {
    HttpResponse<String> response = get("/api/v1/requests", null, null);
    isProblem(response, 401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
  }

  @Test
  void aWrongPasswordIsRefused() throws Exception {
    isProblem(get("/api/v1/requests", "anna", "wrong"), 401);
  }

  @Test
  void rolesKeepToTheirResources() throws Exception {
    isProblem(get("/api/v1/requests", "clara", "demo"), 403);
    isProblem(get("/api/v1/cases", "anna", "demo"), 403);
    isProblem(get("/api/v1/audit/events", "ada", "demo"), 403);
    isProblem(get("/api/v1/privacy/subjects/x/erasure", "udo", "demo"), 403);
  }

  @Test
  void whatIsNotListedIsRefusedToEveryone() throws Exception {
    isProblem(get("/api/v1/anything-else", "ada", "demo"), 403);
  }

  @Test
  void theOpenApiDescriptionIsPublic() throws Exception {
    HttpResponse<String> response = get("/v3/api-docs", null, null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"openapi\"").contains("Rathaus API");
  }

  @Test
  void publicResourcesNeedNoSignIn() throws Exception {
    HttpResponse<String> response = get("/api/v1/services", null, null);
    assertThat(response.statusCode()).isNotIn(401, 403);
  }
}
