package de.rathaus.api.portal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An OpenID Connect provider for tests, on loopback: discovery, keys, the authorization endpoint
 * (which signs in at once whoever the test named with {@link #next}, instead of showing a login
 * form) and the token endpoint, which checks what a real provider checks of the authorization code
 * flow: the code once only, the client's secret, the redirect URI and the PKCE verifier against the
 * challenge (S256). Its ID tokens carry the engine's role and department claims.
 */
public final class TestIdentityProvider implements AutoCloseable {

  static final String CLIENT_ID = "rathaus-portal";
  static final String CLIENT_SECRET = "portal-secret";

  /** Who signs in next: subject, role, department (or null). */
  public record Person(String subject, String name, String role, String department) {}

  /** What the authorization endpoint was asked, per code handed out. */
  private record Grant(
      Person person, String redirectUri, String challenge, String method, String nonce) {}

  private final HttpServer server;
  private final RSAKey key;
  private final AtomicReference<Person> next = new AtomicReference<>();
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();

  /** The last authorization request's parameters, for the test to look at. */
  final AtomicReference<Map<String, String>> lastAuthorization = new AtomicReference<>();

  /** Whether the next ID token names another nonce than the one asked for (a replay). */
  final AtomicReference<Boolean> wrongNonce = new AtomicReference<>(false);

  private TestIdentityProvider(HttpServer server, RSAKey key) {
    this.server = server;
    this.key = key;
  }

  public static TestIdentityProvider start() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      RSAKey key =
          new RSAKey.Builder((RSAPublicKey) pair.getPublic())
              .privateKey((RSAPrivateKey) pair.getPrivate())
              .keyID("test-key")
              .build();
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      TestIdentityProvider provider = new TestIdentityProvider(server, key);
      server.createContext("/.well-known/openid-configuration", provider::discovery);
      server.createContext("/jwks", provider::keys);
      server.createContext("/authorize", provider::authorize);
      server.createContext("/token", provider::token);
      server.start();
      return provider;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Who the authorization endpoint signs in next. */
  public void next(Person person) {
    next.set(person);
  }

  /** The engine's settings for this provider (Spring Boot's OAuth2 client registration). */
  public Map<String, String> properties() {
    Map<String, String> properties = new LinkedHashMap<>();
    String registration = "spring.security.oauth2.client.registration.rathaus.";
    properties.put(registration + "client-id", CLIENT_ID);
    properties.put(registration + "client-secret", CLIENT_SECRET);
    properties.put(registration + "scope", "openid");
    properties.put("spring.security.oauth2.client.provider.rathaus.issuer-uri", issuer());
    return properties;
  }

  /**
   * A portal session of {@code person} on the engine at {@code port}, signed in through this
   * provider (the authorization code flow, as a browser follows it).
   */
  public PortalSession signIn(int port, Person person) {
    next(person);
    PortalSession session = new PortalSession(port);
    String page = PortalHome.SIGN_IN;
    for (int hop = 0; hop < 6; hop++) {
      java.net.http.HttpResponse<String> answer = session.get(page);
      if (answer.statusCode() == 200) {
        return session;
      }
      page =
          answer
              .headers()
              .firstValue("Location")
              .orElseThrow(
                  () -> new IllegalStateException("sign-in stopped with " + answer.statusCode()));
    }
    throw new IllegalStateException("sign-in did not end");
  }

  private void discovery(HttpExchange exchange) throws IOException {
    String issuer = issuer();
    json(
        exchange,
        200,
        """
        {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize",
         "token_endpoint": "%1$s/token", "jwks_uri": "%1$s/jwks",
         "response_types_supported": ["code"], "subject_types_supported": ["public"],
         "id_token_signing_alg_values_supported": ["RS256"],
         "code_challenge_methods_supported": ["S256"],
         "token_endpoint_auth_methods_supported": ["client_secret_basic"]}
        """
            .formatted(issuer));
  }

  private void keys(HttpExchange exchange) throws IOException {
    json(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
  }

  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> asked = form(exchange.getRequestURI().getRawQuery());
    lastAuthorization.set(asked);
    Person person = next.get();
    if (person == null
        || !"code".equals(asked.get("response_type"))
        || !CLIENT_ID.equals(asked.get("client_id"))
        || asked.get("redirect_uri") == null) {
      json(exchange, 400, "{\"error\": \"invalid_request\"}");
      return;
    }
    String code = UUID.randomUUID().toString();
    grants.put(
        code,
        new Grant(
            person,
            asked.get("redirect_uri"),
            asked.get("code_challenge"),
            asked.get("code_challenge_method"),
            asked.get("nonce")));
    String back =
        asked.get("redirect_uri")
            + "?code="
            + code
            + "&state="
            + URLEncoder.encode(asked.getOrDefault("state", ""), StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Location", back);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> sent =
        form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    Grant grant = grants.remove(sent.getOrDefault("code", ""));
    if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      json(exchange, 401, "{\"error\": \"invalid_client\"}");
      return;
    }
    if (grant == null
        || !"authorization_code".equals(sent.get("grant_type"))
        || !grant.redirectUri().equals(sent.get("redirect_uri"))
        || !"S256".equals(grant.method())
        || grant.challenge() == null
        || !grant.challenge().equals(s256(sent.get("code_verifier")))) {
      json(exchange, 400, "{\"error\": \"invalid_grant\"}");
      return;
    }
    Person person = grant.person();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer())
            .subject(person.subject())
            .audience(List.of(CLIENT_ID))
            .issueTime(new Date())
            .expirationTime(new Date(System.currentTimeMillis() + 300_000))
            .claim("nonce", wrongNonce.get() ? "another-nonce" : grant.nonce())
            .claim("name", person.name())
            .claim("rathaus_role", person.role());
    if (person.department() != null) {
      claims.claim("rathaus_department", person.department());
    }
    try {
      SignedJWT token =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
              claims.build());
      token.sign(new RSASSASigner(key));
      json(
          exchange,
          200,
          """
          {"access_token": "%s", "token_type": "Bearer", "expires_in": 300, "id_token": "%s",
           "scope": "openid"}
          """
              .formatted(UUID.randomUUID(), token.serialize()));
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String s256(String verifier) {
    if (verifier == null) {
      return null;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> values = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return values;
    }
    for (String pair : encoded.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      values.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return values;
  }

  private static void json(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
