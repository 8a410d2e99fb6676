package de.rathaus.api.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The staff directory and the deadline watch as an operator sets them by environment variables. */
class StaffPropertiesTest {

  private static StaffProperties fromEnvironment(Map<String, Object> variables) {
    MutablePropertySources sources = new MutablePropertySources();
    sources.addFirst(
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    return new Binder(ConfigurationPropertySources.from(sources))
        .bindOrCreate("rathaus", StaffProperties.class);
  }

  @Test
  void aDepartmentsClerksComeFromOneVariablePerDepartment() {
    StaffProperties properties =
        fromEnvironment(
            Map.of(
                "RATHAUS_STAFF_BUERGERAMT", "clara,clemens",
                "RATHAUS_STAFF_ORDNUNGSAMT", "carl"));

    assertThat(properties.staff())
        .containsEntry("buergeramt", List.of("clara", "clemens"))
        .containsEntry("ordnungsamt", List.of("carl"));
  }

  @Test
  void withoutVariablesNobodyIsListedAndTheWatchRunsEveryMinute() {
    StaffProperties properties = fromEnvironment(Map.of());

    assertThat(properties.staff()).isEmpty();
    assertThat(properties.deadlines().checkInterval()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void theWatchsIntervalIsAnIsoDuration() {
    assertThat(
            fromEnvironment(Map.of("RATHAUS_DEADLINES_CHECKINTERVAL", "PT30S"))
                .deadlines()
                .checkInterval())
        .isEqualTo(Duration.ofSeconds(30));
  }
}
