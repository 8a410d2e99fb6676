package de.rathaus.application.open311;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.open311.Open311KeyId;
import de.rathaus.domain.open311.Open311KeyIssued;
import de.rathaus.domain.open311.Open311KeyRevoked;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

/**
 * The keys' read model and the key check over it: a key of the right form whose hash is recorded is
 * a client, anything else (another secret, another id, a revoked key, blank, malformed) is not;
 * redelivered events change nothing; the list shows no hash.
 */
class Open311KeysTest {

  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  private final InMemoryOpen311KeyViews views = new InMemoryOpen311KeyViews();
  private final Open311KeyProjection projection = new Open311KeyProjection(views);
  private final HashedOpen311Keys keys = new HashedOpen311Keys(views);
  private final SecureRandom random = new SecureRandom();

  private Open311KeyHashes.IssuedKey issued(String name) {
    Open311KeyHashes.IssuedKey key = Open311KeyHashes.generate(random);
    deliver(key.id(), 0, new Open311KeyIssued(key.id(), name, key.hash(), T));
    return key;
  }

  private void deliver(Open311KeyId id, long sequence, Object event) {
    try {
      new AnnotationEventHandlerAdapter(projection)
          .handle(new GenericDomainEventMessage<>("Open311Key", id.toString(), sequence, event));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aKeyIsItsIdAndTwoHundredFiftySixRandomBits() {
    Open311KeyHashes.IssuedKey key = Open311KeyHashes.generate(random);
    assertThat(key.key()).matches("[0-9a-f]{20}\\.[A-Za-z0-9_-]{43}");
    assertThat(key.key()).startsWith(key.id().value() + ".");
    // 43 base64url characters without padding are 258 bits: 32 bytes
    assertThat(java.util.Base64.getUrlDecoder().decode(key.key().substring(21))).hasSize(32);
    assertThat(key.hash()).isEqualTo(Open311KeyHashes.hash(key.key())).matches("[0-9a-f]{64}");
    assertThat(key.toString()).doesNotContain(key.key().substring(21)).doesNotContain(key.hash());
  }

  @Test
  void keysDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.add(Open311KeyHashes.generate(random).key())).isTrue();
    }
  }

  @Test
  void anIssuedKeyIsAClientUnderItsName() {
    Open311KeyHashes.IssuedKey key = issued("Klarschiff-App");
    assertThat(keys.verify(key.key()))
        .contains(new Open311Client(key.id().value(), "Klarschiff-App"));
  }

  @Test
  void anotherSecretUnderTheSameIdIsNoClient() {
    Open311KeyHashes.IssuedKey key = issued("Dashboard");
    String other = Open311KeyHashes.generate(random).key();
    String forged = key.id().value() + other.substring(20);
    assertThat(keys.verify(forged)).isEmpty();
  }

  @Test
  void aKeyOfAnUnknownIdIsNoClient() {
    issued("Dashboard");
    assertThat(keys.verify(Open311KeyHashes.generate(random).key())).isEmpty();
  }

  @Test
  void aRevokedKeyIsNoClient() {
    Open311KeyHashes.IssuedKey key = issued("Dashboard");
    deliver(key.id(), 1, new Open311KeyRevoked(key.id(), "leaked", T.plusSeconds(60)));
    assertThat(keys.verify(key.key())).isEmpty();
    assertThat(views.find(key.id().value()).orElseThrow().revokedAt()).isEqualTo(T.plusSeconds(60));
  }

  @Test
  void blankMalformedAndOverlongKeysAreNoClient() {
    Open311KeyHashes.IssuedKey key = issued("Dashboard");
    assertThat(keys.verify(null)).isEmpty();
    assertThat(keys.verify("")).isEmpty();
    assertThat(keys.verify("   ")).isEmpty();
    assertThat(keys.verify(key.id().value())).isEmpty();
    assertThat(keys.verify(key.key() + "x")).isEmpty();
    assertThat(keys.verify(" " + key.key().substring(1))).isEmpty();
    assertThat(keys.verify(key.key().toUpperCase())).isEmpty();
    assertThat(keys.verify(key.hash())).isEmpty();
  }

  @Test
  void aRedeliveredEventChangesNothing() {
    Open311KeyHashes.IssuedKey key = issued("Dashboard");
    deliver(key.id(), 1, new Open311KeyRevoked(key.id(), null, T.plusSeconds(60)));
    deliver(key.id(), 0, new Open311KeyIssued(key.id(), "Dashboard", key.hash(), T));
    deliver(key.id(), 1, new Open311KeyRevoked(key.id(), null, T.plusSeconds(99)));
    Open311KeyView view = views.find(key.id().value()).orElseThrow();
    assertThat(view.revokedAt()).isEqualTo(T.plusSeconds(60));
    assertThat(view.sequence()).isEqualTo(1);
  }

  @Test
  void theListPagesThroughTheKeysOldestFirstAndItsViewsShowNoHashInALogLine() {
    Open311KeyHashes.IssuedKey first = issued("Erste");
    Open311KeyHashes.IssuedKey second = Open311KeyHashes.generate(random);
    deliver(
        second.id(),
        0,
        new Open311KeyIssued(second.id(), "Zweite", second.hash(), T.plusSeconds(1)));

    Open311KeyPage page = projection.handle(new ListOpen311Keys(null, 1));
    assertThat(page.items()).extracting(Open311KeyView::name).containsExactly("Erste");
    Open311KeyPage rest = projection.handle(new ListOpen311Keys(page.next(), 1));
    assertThat(rest.items()).extracting(Open311KeyView::name).containsExactly("Zweite");
    assertThat(rest.next()).isNull();
    assertThat(List.of(page.items().get(0).toString(), rest.items().get(0).toString()))
        .noneMatch(text -> text.contains(first.hash()) || text.contains(second.hash()));
  }
}
