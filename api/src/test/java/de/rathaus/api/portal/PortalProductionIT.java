package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import de.rathaus.api.ProductionSurroundings;
import de.rathaus.api.RathausApplication;
import de.rathaus.api.TestClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Under the production profile the portal shows the city's own texts and refuses to start without
 * its imprint or its privacy notice (fail closed, as for the identity provider and the log key);
 * its session cookie is {@code Secure}, {@code HttpOnly} and {@code SameSite=Lax}.
 */
class PortalProductionIT {

  private static ConfigurableApplicationContext start(Map<String, String> properties) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--server.address=127.0.0.1");
    args.add("--spring.profiles.active=production");
    properties.forEach((name, value) -> args.add("--" + name + "=" + value));
    return new SpringApplicationBuilder(RathausApplication.class).run(args.toArray(String[]::new));
  }

  private static Throwable refusal(Map<String, String> properties) {
    Throwable refused =
        catchThrowable(
            () -> {
              try (ConfigurableApplicationContext started = start(properties)) {
                // started although it must not
              }
            });
    assertThat(refused).as("the engine refuses to start").isNotNull();
    Throwable root = refused;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  @Test
  void withoutAnImprintOrAPrivacyNoticeProductionRefusesToStart() {
    try (ProductionSurroundings production = ProductionSurroundings.start("rathaus-portal-it")) {
      Map<String, String> noImprint = new HashMap<>(production.properties());
      noImprint.remove("rathaus.portal.imprint.de");
      assertThat(refusal(noImprint))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("RATHAUS_PORTAL_IMPRINT_DE")
          .hasMessageNotContaining("RATHAUS_PORTAL_PRIVACY_DE");

      Map<String, String> noPrivacy = new HashMap<>(production.properties());
      noPrivacy.put("rathaus.portal.privacy.de", " ");
      assertThat(refusal(noPrivacy)).hasMessageContaining("RATHAUS_PORTAL_PRIVACY_DE");
    }
  }

  @Test
  void withItsTextsProductionShowsThemAndSendsSecureCookies() {
    try (ProductionSurroundings production = ProductionSurroundings.start("rathaus-portal-it");
        ConfigurableApplicationContext engine = start(production.properties())) {
      TestClient client =
          new TestClient(((ServletWebServerApplicationContext) engine).getWebServer().getPort());
      TestClient.Response imprint = client.get("/portal/impressum").send().expect(200);
      assertThat(imprint.body())
          .contains("Stadt Heilbronn, Marktplatz 7, 74072 Heilbronn")
          .doesNotContain("Demo");
      assertThat(imprint.header("Set-Cookie"))
          .hasValueSatisfying(
              cookie ->
                  assertThat(cookie)
                      .startsWith("JSESSIONID=")
                      .contains("Secure")
                      .contains("HttpOnly")
                      .contains("SameSite=Lax"));
      assertThat(client.get("/portal/barrierefreiheit").send().expect(200).body())
          .contains("barrierefreiheit@heilbronn.example")
          .contains("Die Ombudsstelle des Landes.");
      // the citizen's pages: without an OpenID Connect registration there is no sign-in here
      // the engine's own address leads to the portal
      TestClient.Response root = client.get("/").send().expect(302);
      assertThat(root.header("Location"))
          .hasValueSatisfying(l -> assertThat(l).endsWith("/portal"));
      TestClient.Response mine = client.get("/portal/anliegen").send().expect(401);
      assertThat(mine.body()).contains("Anmeldung hier nicht möglich");
      assertThat(mine.header("Location")).isEmpty();
    }
  }
}
