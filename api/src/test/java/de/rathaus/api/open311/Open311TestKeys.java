package de.rathaus.api.open311;

import de.rathaus.application.open311.Open311Client;
import de.rathaus.application.open311.Open311Keys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * One API key for the tests' Open311 client, in memory: the engine's own key store (issued by an
 * admin, stored hashed) replaces nothing here but is put aside for the tests that need a key
 * without issuing one. Test sources only: the engine ships no key.
 */
@TestConfiguration(proxyBeanMethods = false)
public class Open311TestKeys {

  /** The key the tests' client presents. */
  public static final String KEY = "o311-test-key-5f0c2a7e9b";

  /** Its public id, the actor of what the client submits. */
  public static final String KEY_ID = "k-test-app";

  @Bean
  @Primary
  Open311Keys open311TestKeys() {
    byte[] expected = KEY.getBytes(StandardCharsets.UTF_8);
    return presented ->
        presented != null
                && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))
            ? Optional.of(new Open311Client(KEY_ID, "Testapp"))
            : Optional.empty();
  }
}
