package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.Date;
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

  private static final KeyPair KEYS = keys();
  private static Path dir;
  private static EmbeddedMongoServer mongo;

  @DynamicPropertySource
  static void production(DynamicPropertyRegistry registry) throws Exception {
    dir = Files.createTempDirectory("rathaus-production-it");
    mongo = EmbeddedMongoServer.start(dir.resolve("mongo"));
    Path publicKey = dir.resolve("idp.pub");
    Files.writeString(
        publicKey,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    registry.add("rathaus.data-dir", () -> dir.resolve("data").toString());
    registry.add("rathaus.mongodb.uri", mongo::connectionString);
    registry.add(
        "spring.security.oauth2.resourceserver.jwt.public-key-location",
        () -> publicKey.toUri().toString());
  }

  /**
   * Stops the database when the engine closes (after the class, see {@link DirtiesContext}), once
   * the engine's processors have stopped: stopped before, they would keep failing to poll it.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class StopMongoAfterTheEngine {
    @Bean
    DisposableBean stopEmbeddedMongo() {
      return () -> mongo.close();
    }
  }

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private static KeyPair keys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String token(String role, String department) throws Exception {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject("u-4711")
            .claim("rathaus_role", role)
            .expirationTime(new Date(System.currentTimeMillis() + 60_000));
    if (department != null) {
      claims.claim("rathaus_department", department);
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
    jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
    return jwt.serialize();
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
