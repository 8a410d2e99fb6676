package de.rathaus.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one token collection whose wall clocks differ by a minute (one 30 s behind, one
 * 30 s ahead): a claim is judged stale by how long the claimer has seen it unchanged on its own
 * monotonic clock, so no instance takes a live claim early, whoever's clock is ahead, and a dead
 * owner's claim is still taken over once the claim timeout has passed.
 */
class TokenClaimsUnderClockSkewTest {

  private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path dataDir;
  private EmbeddedStoreFixture store;
  private final AtomicLong ticks = new AtomicLong();

  @BeforeEach
  void start() {
    store = new EmbeddedStoreFixture(dataDir);
  }

  @AfterEach
  void stop() {
    store.close();
  }

  private MongoTokenStore node(String id, Duration offset) {
    return new MongoTokenStore(
        store.database,
        "tokens",
        store.serializer,
        CLAIM_TIMEOUT,
        id,
        Clock.offset(Clock.systemUTC(), offset),
        ticks::get);
  }

  private void pass(Duration time) {
    ticks.addAndGet(time.toNanos());
  }

  @Test
  void anInstanceAheadDoesNotTakeALiveClaimOfOneBehind() {
    MongoTokenStore behind = node("behind", Duration.ofSeconds(-30));
    MongoTokenStore ahead = node("ahead", Duration.ofSeconds(30));
    behind.initializeTokenSegments("p", 2);
    behind.fetchToken("p", 0);

    assertThatThrownBy(() -> ahead.fetchToken("p", 0))
        .isInstanceOf(UnableToClaimTokenException.class);
    assertThatThrownBy(
            () ->
                ahead.storeToken(GapAwareTrackingToken.newInstance(1, java.util.Set.of()), "p", 0))
        .isInstanceOf(UnableToClaimTokenException.class);
    assertThat(ahead.fetchAvailableSegments("p"))
        .extracting(Segment::getSegmentId)
        .containsExactly(1);

    // the owner lives on: it extends its claim within the timeout, and it stays its own
    for (int i = 0; i < 5; i++) {
      pass(CLAIM_TIMEOUT.dividedBy(2));
      behind.extendClaim("p", 0);
      assertThatThrownBy(() -> ahead.fetchToken("p", 0))
          .isInstanceOf(UnableToClaimTokenException.class);
    }
  }

  @Test
  void anInstanceBehindDoesNotTakeALiveClaimOfOneAheadAndTakesADeadOneInTime() {
    MongoTokenStore ahead = node("ahead", Duration.ofSeconds(30));
    MongoTokenStore behind = node("behind", Duration.ofSeconds(-30));
    ahead.initializeTokenSegments("p", 1);
    ahead.fetchToken("p", 0);

    assertThatThrownBy(() -> behind.fetchToken("p", 0))
        .isInstanceOf(UnableToClaimTokenException.class);
    pass(CLAIM_TIMEOUT.minusMillis(1));
    assertThatThrownBy(() -> behind.fetchToken("p", 0))
        .isInstanceOf(UnableToClaimTokenException.class);

    // the owner died: nothing changed for the whole claim timeout
    pass(Duration.ofMillis(1));
    assertThat(behind.fetchAvailableSegments("p"))
        .extracting(Segment::getSegmentId)
        .containsExactly(0);
    assertThat(behind.fetchToken("p", 0)).isNull();
    assertThatThrownBy(() -> ahead.extendClaim("p", 0))
        .isInstanceOf(UnableToClaimTokenException.class);
  }
}
