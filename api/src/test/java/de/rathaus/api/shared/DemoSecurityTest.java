package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class DemoSecurityTest {

  /**
   * Every call of a demo account checks its password; Spring's default hash (bcrypt at cost 10)
   * made that about 80 ms a call. The demo password's hash never leaves memory, so the lowest cost
   * does: bcrypt's cost is the two digits after {@code $2a$}.
   */
  @Test
  void theDemoPasswordIsCheapToCheck() {
    PasswordEncoder encoder = new DemoSecurity().passwordEncoder();
    String hash = encoder.encode("demo");

    assertThat(hash).startsWith("$2a$04$");
    assertThat(encoder.matches("demo", hash)).isTrue();
    assertThat(encoder.matches("Demo", hash)).isFalse();
  }
}
