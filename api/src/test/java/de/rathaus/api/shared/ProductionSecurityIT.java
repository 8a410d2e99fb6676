package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.api.ProductionSurroundings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production: no demo accounts, bearer tokens signed by the city's identity provider (a key made
 * here), role and department from the token's claims. The MongoDB is a separate server (the
 * embedded one, started by the test as a stand-in), as production refuses to start without one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("production")
@DirtiesContext
class ProductionSecurityIT {

  private static ProductionSurroundings production;

  @DynamicPropertySource
  static void production(DynamicPropertyRegistry registry) {
    production = ProductionSurroundings.start("rathaus-production-it");
    production.configure(registry);
  }

  /**
   * Stops the database when the engine closes (after the class, see {@link DirtiesContext}), once
   * the engine's processors have stopped: stopped before, they would keep failing to poll it.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class StopMongoAfterTheEngine {
    @Bean
    DisposableBean stopEmbeddedMongo() {
      return () -> production.close();
    }
  }

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private static String token(String role, String department) {
    return production.token("u-4711", role, department);
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void demoAccountsDoNotExist() throws Exception {
    String basic =
        "Basic " + Base64.getEncoder().encodeToString("ada:demo".getBytes(StandardCharsets.UTF_8));
    assertThat(get("/api/v1/cases", basic).statusCode()).isEqualTo(401);
  }

  @Test
  void aClerksTokenOpensCasesButNotRequests() throws Exception {
    String bearer = "Bearer " + token("clerk", "buergeramt");
    assertThat(get("/api/v1/cases", bearer).statusCode()).isNotIn(401, 403);
    assertThat(get("/api/v1/requests", bearer).statusCode()).isEqualTo(403);
  }

  @Test
  void aForgedTokenIsRefused() throws Exception {
    String forged = token("admin", null) + "x";
    HttpResponse<String> response = get("/api/v1/cases", "Bearer " + forged);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }
}
