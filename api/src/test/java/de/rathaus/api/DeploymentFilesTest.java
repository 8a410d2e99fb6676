package de.rathaus.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment files ({@code deploy/compose}, {@code deploy/kubernetes}) are valid YAML, name
 * only settings the engine reads, and probe the engine's own health endpoints as the user the image
 * runs as. CI runs no container; this keeps the files from drifting from the code.
 */
class DeploymentFilesTest {

  static final List<Path> FILES =
      List.of(
          Path.of("..", "deploy", "compose", "compose.yaml"),
          Path.of("..", "deploy", "kubernetes", "mongodb.yaml"),
          Path.of("..", "deploy", "kubernetes", "rathaus.yaml"));

  private static final Pattern VARIABLE = Pattern.compile("\\bRATHAUS_[A-Z0-9_]*[A-Z0-9]\\b");
  private static final Pattern CONFIG_TREE_KEY =
      Pattern.compile("\\b(rathaus\\.[a-z0-9.-]+[a-z0-9])\\b");

  @Test
  void everyFileIsYaml() throws IOException {
    for (Path file : FILES) {
      List<Object> documents = new ArrayList<>();
      new Yaml(new SafeConstructor(new LoaderOptions()))
          .loadAll(Files.readString(file))
          .forEach(documents::add);
      assertThat(documents).as(file.toString()).isNotEmpty().doesNotContainNull();
    }
  }

  @Test
  void namesOnlySettingsTheEngineReads() throws IOException {
    Set<String> properties = properties();
    Set<String> variables = new TreeSet<>();
    properties.forEach(
        p -> {
          String upper = p.toUpperCase(Locale.ROOT).replace(".", "_");
          variables.add(upper.replace("-", ""));
          variables.add(upper.replace("-", "_"));
        });
    Set<String> unknown = new TreeSet<>();
    for (Path file : FILES) {
      String text = Files.readString(file);
      Matcher variable = VARIABLE.matcher(text);
      while (variable.find()) {
        String name = variable.group();
        boolean staff = name.startsWith("RATHAUS_STAFF_") && properties.contains("rathaus.staff");
        if (!staff && !variables.contains(name)) {
          unknown.add(file.getFileName() + ": " + name);
        }
      }
      Matcher key = CONFIG_TREE_KEY.matcher(text);
      while (key.find()) {
        if (!properties.contains(key.group(1))) {
          unknown.add(file.getFileName() + ": " + key.group(1));
        }
      }
    }
    assertThat(unknown).as("settings no configuration record reads").isEmpty();
  }

  @Test
  void probesTheEnginesHealthEndpointsAsItsUser() throws IOException {
    String compose = Files.readString(FILES.get(0));
    String kubernetes = Files.readString(FILES.get(2));

    assertThat(compose)
        .contains("/actuator/health/readiness", "user: \"10001:10001\"", "read_only: true")
        .contains("RATHAUS_PRIVACY_KEYSTORE: mongo");
    assertThat(kubernetes)
        .contains("path: /actuator/health/readiness", "path: /actuator/health/liveness")
        .contains("runAsUser: 10001", "runAsNonRoot: true", "readOnlyRootFilesystem: true")
        .contains("kind: PodDisruptionBudget", "replicas: 2");
    for (String file : List.of(compose, kubernetes)) {
      assertThat(file)
          .contains("w=majority", "journal=true", "wtimeoutMS=", "readConcernLevel=majority")
          .contains("retryWrites=true");
    }
  }

  /** Every {@code rathaus.*} property of the configuration records (api and infra). */
  private static Set<String> properties() throws IOException {
    Set<String> names = new TreeSet<>();
    ObjectMapper json = new ObjectMapper();
    for (URL metadata :
        Collections.list(
            DeploymentFilesTest.class
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
      try (InputStream in = metadata.openStream()) {
        for (JsonNode property : json.readTree(in).path("properties")) {
          String name = property.path("name").asText();
          if (name.startsWith("rathaus.")) {
            names.add(name);
          }
        }
      }
    }
    assertThat(names).contains("rathaus.mongodb.uri", "rathaus.privacy.key-store");
    return names;
  }
}
