package de.rathaus.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The integration tests' JVM has Axon's update checker switched off too (it phones home and writes
 * {@code ~/.axoniq/.machine-id}); the unit tests' JVMs are checked by {@code OfflineTestJvmTest}.
 */
class OfflineTestJvmIT {

  @Test
  void axonsUpdateCheckerIsSwitchedOffInTheIntegrationTestJvm() {
    assertThat(System.getProperty("axoniq.update-checker.disabled")).isEqualTo("true");
    assertThat(System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED")).isEqualTo("true");
  }
}
