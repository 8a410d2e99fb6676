package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import de.rathaus.api.ProductionSurroundings;
import de.rathaus.api.RathausApplication;
import de.rathaus.api.TestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production: no demo accounts, bearer tokens signed by the city's identity provider (a key made
 * here) for this engine (its issuer and audience, both required), role and department from the
 * token's claims. The MongoDB is a separate server (the embedded one, started by the test as a
 * stand-in), as production refuses to start without one.
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
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    TestClient.checkContract(response);
    return response;
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

  private static void isProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void aTokenOfAnotherIssuerIsRefused() throws Exception {
    String elsewhere =
        production.token(
            "u-4711",
            "clerk",
            "buergeramt",
            "https://login.elsewhere.example",
            ProductionSurroundings.AUDIENCE);
    isProblem(get("/api/v1/cases", "Bearer " + elsewhere), 401);
    String noIssuer =
        production.token("u-4711", "clerk", "buergeramt", null, ProductionSurroundings.AUDIENCE);
    isProblem(get("/api/v1/cases", "Bearer " + noIssuer), 401);
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() throws Exception {
    String forAnotherService =
        production.token(
            "u-4711", "clerk", "buergeramt", ProductionSurroundings.ISSUER, "parking-app");
    isProblem(get("/api/v1/cases", "Bearer " + forAnotherService), 401);
    String noAudience =
        production.token("u-4711", "clerk", "buergeramt", ProductionSurroundings.ISSUER, null);
    isProblem(get("/api/v1/cases", "Bearer " + noAudience), 401);
  }

  @Test
  void withoutIssuerOrAudienceProductionRefusesToStart() throws Exception {
    for (String missing : List.of("rathaus.security.issuer", "rathaus.security.audience")) {
      Throwable refused = startWithout(missing);
      assertThat(refused).as("starts without %s", missing).isNotNull();
      assertThat(DemoModeIT.rootOf(refused))
          .hasMessageContaining("RATHAUS_SECURITY_ISSUER")
          .hasMessageContaining("RATHAUS_SECURITY_AUDIENCE");
    }
  }

  @Test
  void withoutTheIdentityProvidersKeyProductionRefusesToStart() throws Exception {
    // no key to check signatures with: no token could be trusted, so nothing may start
    Throwable refused =
        startWithout("spring.security.oauth2.resourceserver.jwt.public-key-location");
    assertThat(refused).as("starts without a key").isNotNull();
  }

  /** Starts an engine with the production surroundings but one property; answers the refusal. */
  private Throwable startWithout(String missing) throws Exception {
    List<String> args = new ArrayList<>();
    args.add("--spring.profiles.active=production");
    args.add("--server.port=0");
    // a database and a data directory of its own, so that an engine started wrongly disturbs
    // nothing of this class's engine
    args.add("--rathaus.mongodb.database=refused");
    for (Map.Entry<String, String> property : production.properties().entrySet()) {
      if (property.getKey().equals("rathaus.data-dir")) {
        args.add("--rathaus.data-dir=" + Files.createTempDirectory("rathaus-refused"));
      } else if (!property.getKey().equals(missing)) {
        args.add("--" + property.getKey() + "=" + property.getValue());
      }
    }
    return catchThrowable(
        () -> {
          try (ConfigurableApplicationContext started =
              new SpringApplicationBuilder(RathausApplication.class)
                  .run(args.toArray(String[]::new))) {
            // started although it must not
          }
        });
  }
}
