package de.rathaus.api;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What an engine under the {@code production} profile needs around it in a test: a MongoDB of its
 * own (the embedded server, started here, stands in for the city's) and an identity provider (a key
 * made here, its issuer and the engine's audience) that signs bearer tokens with role and
 * department claims.
 */
public final class ProductionSurroundings implements AutoCloseable {

  /** The identity provider's name in its tokens ({@code iss}), as the engine is told. */
  public static final String ISSUER = "https://login.heilbronn.example/realms/rathaus";

  /** The engine's name at the identity provider ({@code aud} of its tokens), as it is told. */
  public static final String AUDIENCE = "rathaus-api";

  private final KeyPair keys;
  private final Path dir;
  private final EmbeddedMongoServer mongo;

  private ProductionSurroundings(KeyPair keys, Path dir, EmbeddedMongoServer mongo) {
    this.keys = keys;
    this.dir = dir;
    this.mongo = mongo;
  }

  /** Starts the database and makes the identity provider's key. */
  public static ProductionSurroundings start(String name) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      Path dir = Files.createTempDirectory(name);
      return new ProductionSurroundings(
          generator.generateKeyPair(), dir, EmbeddedMongoServer.start(dir.resolve("mongo")));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Points the engine at the database, a data directory and the identity provider. */
  public void configure(DynamicPropertyRegistry registry) {
    properties().forEach((name, value) -> registry.add(name, () -> value));
  }

  /**
   * What {@link #configure} sets, by property name: the database, a data directory, the identity
   * provider's key, issuer and audience (for engines a test starts itself).
   */
  public Map<String, String> properties() {
    Path publicKey = dir.resolve("idp.pub");
    try {
      Files.writeString(
          publicKey,
          "-----BEGIN PUBLIC KEY-----\n"
              + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
              + "\n-----END PUBLIC KEY-----\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("rathaus.data-dir", dir.resolve("data").toString());
    properties.put("rathaus.mongodb.uri", mongo.connectionString());
    // the embedded store is no replica set: allowed for tests and benchmarks only
    properties.put("rathaus.mongodb.allow-standalone", "true");
    properties.put(
        "spring.security.oauth2.resourceserver.jwt.public-key-location",
        publicKey.toUri().toString());
    properties.put("rathaus.security.issuer", ISSUER);
    properties.put("rathaus.security.audience", AUDIENCE);
    properties.put("rathaus.transparency.log-id", "heilbronn.example/rathaus");
    properties.put("rathaus.transparency.signing-key", signingKey());
    properties.put("rathaus.search.key", searchKey());
    // the city's texts, required outside demo mode
    properties.put("rathaus.portal.city-name", "Stadt Heilbronn");
    properties.put("rathaus.portal.imprint.de", "Stadt Heilbronn, Marktplatz 7, 74072 Heilbronn");
    properties.put("rathaus.portal.privacy.de", "Verantwortlich ist die Stadt Heilbronn.");
    properties.put("rathaus.portal.accessibility.statement.de", "Teilweise barrierefrei.");
    properties.put("rathaus.portal.accessibility.email", "barrierefreiheit@heilbronn.example");
    properties.put("rathaus.portal.accessibility.enforcement.de", "Die Ombudsstelle des Landes.");
    return properties;
  }

  /** The key of the clerks' name search as the city configures it, made once per surroundings. */
  private String searchKey() {
    Path file = dir.resolve("search-key");
    try {
      if (!Files.exists(file)) {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        Files.writeString(file, java.util.Base64.getEncoder().encodeToString(key));
      }
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The log's signing key as the city configures it (a PKCS#8 PEM), made once per surroundings. */
  private String signingKey() {
    Path file = dir.resolve("log-key.pem");
    try {
      if (!Files.exists(file)) {
        de.rathaus.application.transparency.LogKey.generate().writeTo(file);
      }
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A token of the identity provider for {@code subject} with a role and, for clerks, a department
   * (else null).
   */
  public String token(String subject, String role, String department) {
    return token(subject, role, department, ISSUER, AUDIENCE);
  }

  /**
   * A token signed with the identity provider's key but naming this issuer and audience (either
   * null: the claim is left out).
   */
  public String token(
      String subject, String role, String department, String issuer, String audience) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .claim("rathaus_role", role)
            .expirationTime(new Date(System.currentTimeMillis() + 600_000));
    if (department != null) {
      claims.claim("rathaus_department", department);
    }
    if (issuer != null) {
      claims.issuer(issuer);
    }
    if (audience != null) {
      claims.audience(List.of(audience));
    }
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
      jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops the database; call it once the engine is closed, or its processors keep polling. */
  @Override
  public void close() {
    mongo.close();
  }
}
