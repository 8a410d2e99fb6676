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
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What an engine under the {@code production} profile needs around it in a test: a MongoDB of its
 * own (the embedded server, started here, stands in for the city's) and an identity provider (a key
 * made here) that signs bearer tokens with role and department claims.
 */
public final class ProductionSurroundings implements AutoCloseable {

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

  /** Points the engine at the database, a data directory and the identity provider's key. */
  public void configure(DynamicPropertyRegistry registry) {
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
    registry.add("rathaus.data-dir", () -> dir.resolve("data").toString());
    registry.add("rathaus.mongodb.uri", mongo::connectionString);
    registry.add(
        "spring.security.oauth2.resourceserver.jwt.public-key-location",
        () -> publicKey.toUri().toString());
  }

  /** A token for {@code subject} with a role and, for clerks, a department (else null). */
  public String token(String subject, String role, String department) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .claim("rathaus_role", role)
            .expirationTime(new Date(System.currentTimeMillis() + 600_000));
    if (department != null) {
      claims.claim("rathaus_department", department);
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
