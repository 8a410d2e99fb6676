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
    isProblem(client.get("/api/v1/audit/events").as("ada").send(), 403);
    isProblem(client.get("/api/v1/privacy/subjects/x/erasure").as("udo").send(), 403);
  }

  @Test
  void whatIsNotListedIsRefusedToEveryone() throws Exception {
    isProblem(client.get("/api/v1/anything-else").as("ada").send(), 403);
  }

  @Test
  void theOpenApiDescriptionIsPublic() throws Exception {
    Response response = client.get("/v3/api-docs").send();
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("\"openapi\"").contains("Rathaus API");
  }

  @Test
  void publicResourcesNeedNoSignIn() throws Exception {
    Response response = client.get("/api/v1/services").send();
    assertThat(response.status()).isNotIn(401, 403);
  }
}
