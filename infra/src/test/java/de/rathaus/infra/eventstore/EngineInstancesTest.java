package de.rathaus.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instances counted from their beats in the store, on a monotonic clock the test moves on, and the
 * fair share of segments that follows from the count.
 */
class EngineInstancesTest {

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

  private EngineInstances instance(String id) {
    return new EngineInstances(store.database, "instances", id, CLAIM_TIMEOUT, ticks::get);
  }

  private MongoTokenStore tokens(String id) {
    return new MongoTokenStore(
        store.database,
        "tokens",
        store.serializer,
        CLAIM_TIMEOUT,
        id,
        Clock.systemUTC(),
        ticks::get);
  }

  private void pass(Duration time) {
    ticks.addAndGet(time.toNanos());
  }

  @Test
  void anotherInstanceIsSeenAliveOnlyOnceItsBeatWasSeenToMove() {
    EngineInstances a = instance("a");
    EngineInstances b = instance("b");
    b.beat();
    a.beat();
    assertThat(a.seenAlive("b")).as("a beat seen once may be a dead instance's last").isFalse();

    b.beat();
    a.beat();
    assertThat(a.seenAlive("b")).isTrue();
    assertThat(a.seenAlive("c")).as("never seen").isFalse();

    pass(CLAIM_TIMEOUT.dividedBy(2));
    a.beat();
    assertThat(a.seenAlive("b")).as("silent for half the claim timeout").isFalse();
  }

  @Test
  void theTokenStoreNamesWhoClaimsEachSegment() {
    MongoTokenStore a = tokens("a");
    a.initializeTokenSegments("case-views", 2);
    a.fetchToken("case-views", 1);

    assertThat(tokens("b").claimants("case-views")).isEqualTo(java.util.Map.of(1, "a"));
  }

  @Test
  void aNewcomerCountsAtOnceAndASilentOneStopsCountingAfterHalfTheClaimTimeout() {
    EngineInstances a = instance("a");
    EngineInstances b = instance("b");
    a.beat();
    assertThat(a.live()).isEqualTo(1);

    b.beat();
    a.beat();
    assertThat(b.live()).isEqualTo(2);
    assertThat(a.live()).isEqualTo(2);

    // b goes silent: a keeps counting it until it has seen the same beat for half the timeout
    pass(CLAIM_TIMEOUT.dividedBy(2).minusMillis(1));
    a.beat();
    assertThat(a.live()).isEqualTo(2);
    pass(Duration.ofMillis(1));
    a.beat();
    assertThat(a.live()).isEqualTo(1);

    // it beats again: it counts again at once
    b.beat();
    a.beat();
    assertThat(a.live()).isEqualTo(2);
  }

  @Test
  void anInstanceThatLeavesStopsCountingAtTheNextBeatAndALongDeadOneIsForgotten() {
    EngineInstances a = instance("a");
    EngineInstances b = instance("b");
    EngineInstances c = instance("c");
    a.beat();
    b.beat();
    c.beat();
    a.beat();
    assertThat(a.live()).isEqualTo(3);

    b.close();
    a.beat();
    assertThat(a.live()).isEqualTo(2);

    // c died without leaving: after six claim timeouts its document goes
    for (int second = 0; second < 60; second++) {
      pass(Duration.ofSeconds(1));
      a.beat();
    }
    assertThat(a.live()).isEqualTo(1);
    assertThat(store.database.getCollection("instances").countDocuments()).isEqualTo(1);
  }

  @Test
  void theFairShareIsTheCeilingOfSegmentsPerLiveInstance() {
    assertThat(EngineInstances.fairShare(16, 1)).isEqualTo(16);
    assertThat(EngineInstances.fairShare(16, 2)).isEqualTo(8);
    assertThat(EngineInstances.fairShare(16, 3)).isEqualTo(6);
    assertThat(EngineInstances.fairShare(16, 17)).isEqualTo(1);

    EngineInstances a = instance("a");
    instance("b").beat();
    instance("c").beat();
    a.beat();
    MaxSegmentProvider share = a.fairShare(processor -> processor.equals("p") ? 16 : 0);
    assertThat(share.getMaxSegments("p")).isEqualTo(6);
    // a processor whose segments are not initialized yet is not held back
    assertThat(share.getMaxSegments("new")).isEqualTo(Short.MAX_VALUE);
  }

  @Test
  void aDeadInstancesSegmentsFallWithinTheSurvivorsShareBeforeItsClaimsGoStale() {
    EngineInstances a = instance("a");
    EngineInstances b = instance("b");
    MongoTokenStore tokensA = tokens("a");
    MongoTokenStore tokensB = tokens("b");
    tokensA.initializeTokenSegments("p", 16);
    a.beat();
    b.beat();
    a.beat();
    IntStream.range(0, 8).forEach(segment -> tokensA.fetchToken("p", segment));
    IntStream.range(8, 16).forEach(segment -> tokensB.fetchToken("p", segment));
    MaxSegmentProvider shareOfA = a.fairShare(p -> tokensA.fetchSegments(p).length);
    assertThat(shareOfA.getMaxSegments("p")).isEqualTo(8);
    assertThat(tokensA.fetchAvailableSegments("p"))
        .extracting(Segment::getSegmentId)
        .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7); // its own, nothing of b's

    // b is killed: no beat, no claim extension. a beats every second and looks for claims.
    for (int second = 1; second < CLAIM_TIMEOUT.toSeconds(); second++) {
      pass(Duration.ofSeconds(1));
      a.beat();
      assertThat(tokensA.fetchAvailableSegments("p")).hasSize(8);
      if (second >= CLAIM_TIMEOUT.toSeconds() / 2) {
        assertThat(shareOfA.getMaxSegments("p")).as("after %d s", second).isEqualTo(16);
      }
    }
    pass(Duration.ofSeconds(1));
    a.beat();
    assertThat(tokensA.fetchAvailableSegments("p")).hasSize(16);
    assertThat(shareOfA.getMaxSegments("p")).isEqualTo(16);
    IntStream.range(8, 16).forEach(segment -> tokensA.fetchToken("p", segment));
  }
}
