package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import de.rathaus.api.ProductionSurroundings;
import de.rathaus.api.RathausApplication;
import de.rathaus.api.TestClient;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Demo mode (accounts with a known password, among them an admin) is on only where that is safe: by
 * default with the embedded store; on a MongoDB (the city's data) only when asked for with {@code
 * RATHAUS_DEMO=true}; never under the production profile. Any other combination refuses to start,
 * before anything is connected or written.
 */
class DemoModeIT {

  @TempDir Path dataDir;

  /** Starts an engine with these properties (as command-line arguments: they win over files). */
  private ConfigurableApplicationContext start(Map<String, String> properties) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--rathaus.data-dir=" + dataDir);
    properties.forEach((name, value) -> args.add("--" + name + "=" + value));
    return new SpringApplicationBuilder(RathausApplication.class).run(args.toArray(String[]::new));
  }

  /** The start's failure; an engine that started after all is closed again (and fails the test). */
  private AbstractThrowableAssert<?, ? extends Throwable> refusesToStart(
      Map<String, String> properties) {
    Throwable refused =
        catchThrowable(
            () -> {
              try (ConfigurableApplicationContext started = start(properties)) {
                // started although it must not
              }
            });
    assertThat(refused).as("the engine refuses to start").isNotNull();
    return assertThat(rootOf(refused));
  }

  @Test
  void aMongoDbUriWithoutDemoModeOrProductionRefusesToStart() {
    try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(dataDir.resolve("city"))) {
      refusesToStart(Map.of("rathaus.mongodb.uri", mongo.connectionString()))
          .hasMessageContaining("RATHAUS_MONGODB_URI")
          .hasMessageContaining("RATHAUS_DEMO=true")
          .hasMessageContaining("production");
    }
  }

  @Test
  void onAMongoDbDemoModeRunsWhenAskedFor() {
    try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(dataDir.resolve("city"))) {
      try (ConfigurableApplicationContext engine =
          start(Map.of("rathaus.mongodb.uri", mongo.connectionString(), "rathaus.demo", "true"))) {
        TestClient client =
            new TestClient(((ServletWebServerApplicationContext) engine).getWebServer().getPort());
        client.get("/api/v1/requests").as("anna").expect(200);
        client.get("/api/v1/services/meldebescheinigung").expect(200); // the sample catalogue
      }
    }
  }

  @Test
  void theProductionProfileRefusesDemoMode() {
    try (ProductionSurroundings production = ProductionSurroundings.start("rathaus-demo-mode-it")) {
      Map<String, String> properties = new HashMap<>(production.properties());
      properties.remove("rathaus.data-dir");
      properties.put("spring.profiles.active", "production");
      properties.put("rathaus.demo", "true");
      refusesToStart(properties)
          .hasMessageContaining("RATHAUS_DEMO")
          .hasMessageContaining("production");
    }
  }

  @Test
  void demoModeSwitchedOffOutsideProductionRefusesToStart() {
    refusesToStart(Map.of("rathaus.demo", "false"))
        .hasMessageContaining("RATHAUS_DEMO=false")
        .hasMessageContaining("production");
  }

  /** The first cause of a failure (the refusal itself, however deep Spring wrapped it). */
  static Throwable rootOf(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }
}
