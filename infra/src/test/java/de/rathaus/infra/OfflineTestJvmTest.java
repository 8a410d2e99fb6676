package de.rathaus.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The engine opens no outbound connection, and neither does its test suite: Axon's update checker
 * (which phones home and writes {@code ~/.axoniq/.machine-id}) is switched off for every test JVM
 * by the build, not only in the engine's {@code main}.
 */
class OfflineTestJvmTest {

  @Test
  void axonsUpdateCheckerIsSwitchedOffInTheTestJvm() {
    assertThat(System.getProperty("axoniq.update-checker.disabled")).isEqualTo("true");
    assertThat(System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED")).isEqualTo("true");
  }
}
