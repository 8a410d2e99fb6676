package de.rathaus.api.open311;

import de.rathaus.application.open311.Open311Client;
import de.rathaus.application.open311.Open311Keys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * One API key for the tests' Open311 client, in memory, for the tests that need a key without
 * issuing one through the admin's endpoint; the engine's own key store (keys issued by an admin,
 * stored hashed) is still asked for every other key. Test sources only: the engine ships no key.
 */
@TestConfiguration(proxyBeanMethods = false)
public class Open311TestKeys {

  /** The key the tests' client presents. */
  public static final String KEY = "o311-test-key-5f0c2a7e9b";

  /** Its public id, the actor of what the client submits. */
  public static final String KEY_ID = "k-test-app";

  /**
   * The test key, and every key the engine's own store knows (where it has one): keys an admin
   * issues in a test still work next to this one.
   */
  @Bean
  @Primary
  Open311Keys open311TestKeys(ObjectProvider<Open311Keys> stores) {
    byte[] expected = KEY.getBytes(StandardCharsets.UTF_8);
    return new Open311Keys() {
      @Override
      public Optional<Open311Client> verify(String presented) {
        if (presented != null
            && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
          return Optional.of(new Open311Client(KEY_ID, "Testapp"));
        }
        return stores.stream()
            .filter(store -> store != this)
            .map(store -> store.verify(presented))
            .flatMap(Optional::stream)
            .findFirst();
      }
    };
  }
}
