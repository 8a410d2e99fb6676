package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rathaus.application.shared.StartRefused;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.tokenstore.AbstractTokenEntry;
import org.axonframework.eventsourcing.AggregateLoadTimeSnapshotTriggerDefinition;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class ClockOffsetTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void movesTheClockForwardAndBack() {
    Clock base = Clock.fixed(NOW, ZoneOffset.UTC);
    assertThat(ClockOffset.of("PT30S").shift(base).instant()).isEqualTo(NOW.plusSeconds(30));
    assertThat(ClockOffset.of("-PT30S").shift(base).instant()).isEqualTo(NOW.minusSeconds(30));
  }

  @Test
  void unsetMeansNoOffset() {
    Clock base = Clock.fixed(NOW, ZoneOffset.UTC);
    assertThat(ClockOffset.of(null).shift(base)).isSameAs(base);
    assertThat(ClockOffset.of(" ").shift(base)).isSameAs(base);
  }

  @Test
  void refusesAnOffsetThatIsNoDuration() {
    assertThatThrownBy(() -> ClockOffset.of("30s"))
        .isInstanceOf(StartRefused.class)
        .hasMessageContaining("RATHAUS_CLOCK_OFFSET")
        .hasMessageNotContaining("\n");
  }

  @Test
  void theEngineClockAndAxonsClocksMoveTogether() {
    MockEnvironment environment = new MockEnvironment().withProperty(ClockOffset.SETTING, "PT30S");
    ApiConfiguration configuration = new ApiConfiguration();
    Clock earlier = GenericEventMessage.clock;
    try (AxonClocks axon = configuration.axonClocks(environment)) {
      Instant engine = configuration.clock(environment).instant();
      assertThat(Duration.between(Instant.now(), engine)).isBetween(ofSeconds(29), ofSeconds(31));
      for (Clock clock :
          new Clock[] {
            GenericEventMessage.clock,
            GenericDeadLetter.clock,
            AbstractTokenEntry.clock,
            AggregateLoadTimeSnapshotTriggerDefinition.clock
          }) {
        assertThat(Duration.between(Instant.now(), clock.instant()))
            .isBetween(ofSeconds(29), ofSeconds(31));
      }
      assertThat(
              GenericEventMessage.asEventMessage("payload").getTimestamp().isAfter(Instant.now()))
          .isTrue();
    }
    assertThat(GenericEventMessage.clock).isSameAs(earlier);
  }

  @Test
  void anUnparsableOffsetRefusesTheStartWithOneLineAndNoStackTrace(CapturedOutput output) {
    SpringApplication application = new SpringApplication(ClockOnly.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    assertThatThrownBy(() -> application.run("--rathaus.clock.offset=thirty seconds"))
        .hasRootCauseInstanceOf(StartRefused.class);
    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("The clock offset rathaus.clock.offset (RATHAUS_CLOCK_OFFSET) is no ISO-8601")
        .doesNotContain("\tat de.rathaus")
        .doesNotContain("\tat org.springframework");
  }

  private static Duration ofSeconds(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  @Configuration(proxyBeanMethods = false)
  static class ClockOnly {
    @Bean
    Clock clock(Environment environment) {
      return new ApiConfiguration().clock(environment);
    }
  }
}
