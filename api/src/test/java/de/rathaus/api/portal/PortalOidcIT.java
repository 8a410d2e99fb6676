package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.api.ProductionSurroundings;
import de.rathaus.api.RathausApplication;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Under the production profile the portal signs people in through the city's OpenID Connect
 * provider (authorization code flow with PKCE, Spring Security's OAuth2 client): a page that needs
 * a role sends the visitor to the provider and, once the provider hands back a code, the engine
 * redeems it (with the client's secret and the PKCE verifier), checks the ID token (signature,
 * issuer, audience, nonce) and takes role and department from the same claims as the API's bearer
 * tokens; the person is back on the page they asked for. A forged answer (another state, a replayed
 * nonce) signs nobody in.
 */
class PortalOidcIT {

  static ProductionSurroundings production;
  static TestIdentityProvider provider;
  static ConfigurableApplicationContext engine;
  static int port;

  @BeforeAll
  static void start() {
    production = ProductionSurroundings.start("rathaus-portal-oidc-it");
    provider = TestIdentityProvider.start();
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--server.address=127.0.0.1");
    args.add("--spring.profiles.active=production");
    // the test speaks plain HTTP on loopback: a Secure cookie would never be sent back
    args.add("--server.servlet.session.cookie.secure=false");
    production.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
    provider.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
    engine =
        new SpringApplicationBuilder(RathausApplication.class).run(args.toArray(String[]::new));
    port = ((ServletWebServerApplicationContext) engine).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    if (engine != null) {
      engine.close();
    }
    if (provider != null) {
      provider.close();
    }
    if (production != null) {
      production.close();
    }
  }

  private static String location(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isIn(302, 303);
    return answer.headers().firstValue("Location").orElseThrow();
  }

  /**
   * Follows the sign-in from {@code page}: to the provider, back with the code; the page the engine
   * sends the person to after that.
   */
  private static String signIn(PortalSession visitor, String page) {
    String toEngineStart = location(visitor.get(page));
    assertThat(toEngineStart).endsWith("/portal/oauth2/authorization/rathaus");
    String toProvider = location(visitor.get(toEngineStart));
    assertThat(toProvider).startsWith(provider.issuer() + "/authorize?");
    String back = location(visitor.get(toProvider));
    assertThat(back).startsWith("http://127.0.0.1:" + port + "/portal/login/oauth2/code/rathaus?");
    return location(visitor.get(back));
  }

  @Test
  void aCitizenSignsInAtTheCitysProviderWithPkceAndComesBackToThePage() {
    PortalSession anna = new PortalSession(port);
    provider.next(new TestIdentityProvider.Person("anna-7f3a", "Anna Beispiel", "CITIZEN", null));
    String after = signIn(anna, "/portal/anliegen");
    assertThat(after).endsWith("/portal/anliegen");
    Map<String, String> asked = provider.lastAuthorization.get();
    assertThat(asked)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", TestIdentityProvider.CLIENT_ID)
        .containsEntry("code_challenge_method", "S256")
        .containsKeys("state", "nonce", "code_challenge");
    assertThat(asked.get("scope")).contains("openid");
    HttpResponse<String> mine = anna.get("/portal/anliegen");
    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(mine.body()).contains("Angemeldet als Anna Beispiel", "Meine Anliegen");
    // signed in with the provider's subject: her requests are the subject's
    assertThat(anna.get("/portal/sachbearbeitung").statusCode()).isEqualTo(403);
    // signing out ends the session
    HttpResponse<String> out =
        anna.send("POST", "/portal/abmelden", Map.of("_csrf", PortalSession.token(mine.body())));
    assertThat(out.statusCode()).isEqualTo(302);
    assertThat(location(anna.get("/portal/anliegen")))
        .endsWith("/portal/oauth2/authorization/rathaus");
  }

  @Test
  void aClerkGetsTheDepartmentFromTheTokenAndTheHeadersSignInLeadsToTheQueue() {
    PortalSession clara = new PortalSession(port);
    provider.next(new TestIdentityProvider.Person("clara-01", "Clara Amt", "CLERK", "buergeramt"));
    String after = signIn(clara, "/portal/anmelden");
    assertThat(after).endsWith("/portal/anmelden");
    assertThat(location(clara.get("/portal/anmelden"))).endsWith("/portal/sachbearbeitung");
    HttpResponse<String> queue = clara.get("/portal/sachbearbeitung");
    assertThat(queue.statusCode()).isEqualTo(200);
    // production seeds no sample catalogue: the department is named by its code from the token
    assertThat(queue.body()).contains("Arbeitsvorrat", "buergeramt");
  }

  @Test
  void aForgedAnswerSignsNobodyIn() {
    // another state than the one the engine sent
    PortalSession mallory = new PortalSession(port);
    provider.next(new TestIdentityProvider.Person("mallory", "Mallory", "ADMIN", null));
    String toProvider = location(mallory.get(location(mallory.get("/portal/anliegen"))));
    String back = location(mallory.get(toProvider));
    String forged = back.replaceAll("state=[^&]*", "state=forged");
    HttpResponse<String> refused = mallory.get(forged);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("Anmeldung fehlgeschlagen").doesNotContain("Exception");
    assertThat(mallory.get("/portal/anliegen").statusCode()).isEqualTo(302);

    // an ID token that answers another nonce (a replayed token)
    PortalSession replay = new PortalSession(port);
    provider.next(new TestIdentityProvider.Person("anna-7f3a", "Anna", "CITIZEN", null));
    provider.wrongNonce.set(true);
    try {
      String toProvider2 = location(replay.get(location(replay.get("/portal/anliegen"))));
      HttpResponse<String> replayed = replay.get(location(replay.get(toProvider2)));
      assertThat(replayed.statusCode()).isEqualTo(401);
      assertThat(replay.get("/portal/anliegen").statusCode()).isEqualTo(302);
    } finally {
      provider.wrongNonce.set(false);
    }
  }
}
