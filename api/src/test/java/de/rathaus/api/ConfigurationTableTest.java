package de.rathaus.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table names exactly the engine's settings: every property of the
 * configuration records ({@code @ConfigurationProperties}, as the configuration processor describes
 * them in {@code META-INF/spring-configuration-metadata.json} of api and infra) under the name an
 * operator sets it by ({@code rathaus.event-store.gap-timeout} → {@code
 * RATHAUS_EVENTSTORE_GAPTIMEOUT}; Spring also binds the older form with dashes as underscores, as
 * in {@code RATHAUS_DATA_DIR}), and nothing that no record reads.
 */
class ConfigurationTableTest {

  private static final Pattern VARIABLE = Pattern.compile("RATHAUS_[A-Z0-9_]*[A-Z0-9](_<[A-Z]+>)?");

  @Test
  void theReadmesTableNamesEverySettingAndNoOther() throws IOException {
    Map<String, Set<String>> settings = settings();
    Set<String> documented = documented();

    Set<String> missing = new TreeSet<>();
    Set<String> known = new TreeSet<>();
    settings.forEach(
        (property, variables) -> {
          known.addAll(variables);
          if (Collections.disjoint(variables, documented)) {
            missing.add(variables.iterator().next() + " (" + property + ")");
          }
        });
    Set<String> unknown = new TreeSet<>(documented);
    unknown.removeAll(known);

    assertThat(settings).as("settings found in the metadata").containsKey("rathaus.data-dir");
    assertThat(missing).as("settings the README's table does not name").isEmpty();
    assertThat(unknown).as("variables in the README's table that no setting reads").isEmpty();
  }

  /** Every {@code rathaus.*} property, with the environment variables that set it. */
  private static Map<String, Set<String>> settings() throws IOException {
    Map<String, Set<String>> settings = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    for (URL metadata :
        Collections.list(
            ConfigurationTableTest.class
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
      try (InputStream in = metadata.openStream()) {
        for (JsonNode property : json.readTree(in).path("properties")) {
          String name = property.path("name").asText();
          if (!name.startsWith("rathaus.")) {
            continue;
          }
          String upper = name.toUpperCase(Locale.ROOT).replace(".", "_");
          String suffix =
              property.path("type").asText().startsWith("java.util.Map")
                  ? "_<DEPARTMENT>" // a map's keys are part of the name
                  : "";
          Set<String> variables = new java.util.LinkedHashSet<>();
          variables.add(upper.replace("-", "") + suffix);
          variables.add(upper.replace("-", "_") + suffix);
          settings.put(name, variables);
        }
      }
    }
    return settings;
  }

  /** The variables the first column of the README's configuration table names. */
  private static Set<String> documented() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf("\n## Configuration");
    assertThat(start).as("the README's configuration section").isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    Set<String> documented = new TreeSet<>();
    for (String line : readme.substring(start, end).split("\n")) {
      if (!line.startsWith("| ")) {
        continue;
      }
      String first = line.substring(2, line.indexOf('|', 2));
      Matcher variable = VARIABLE.matcher(first);
      while (variable.find()) {
        documented.add(variable.group());
      }
    }
    return documented;
  }
}
