package de.rathaus.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims and tokens of two nodes sharing one token collection. */
class MongoTokenStoreTest {

  @TempDir Path dataDir;
  private EmbeddedStoreFixture store;
  private MongoTokenStore nodeA;
  private MongoTokenStore nodeB;

  @BeforeEach
  void start() {
    store = new EmbeddedStoreFixture(dataDir);
    nodeA = node("a", Clock.systemUTC());
    nodeB = node("b", Clock.systemUTC());
  }

  private MongoTokenStore node(String id, Clock clock) {
    return new MongoTokenStore(
        store.database, "tokens", store.serializer, Duration.ofSeconds(10), id, clock);
  }

  @AfterEach
  void stop() {
    store.close();
  }

  @Test
  void aReleaseIsCountedOnTheSegmentSoThatAHandoverIsToldFromATakeover() {
    // an observer that sees the owner change from a to b between two looks tells a release and a
    // claim (the count moved) from a takeover of a's claim (it did not)
    nodeA.initializeTokenSegments("p", 1);
    nodeA.fetchToken("p", 0);

    nodeA.releaseClaim("p", 0);
    nodeB.fetchToken("p", 0);

    org.bson.Document entry =
        store.database.getCollection("tokens").find(new org.bson.Document("_id", "p/0")).first();
    assertThat(entry.getString("owner")).isEqualTo("b");
    assertThat(entry.get(MongoTokenStore.RELEASES, Number.class).longValue()).isEqualTo(1);
  }

  @Test
  void aClaimedSegmentCannotBeClaimedByAnotherNode() {
    nodeA.initializeTokenSegments("p", 2);

    nodeA.fetchToken("p", 0);

    assertThatThrownBy(() -> nodeB.fetchToken("p", 0))
        .isInstanceOf(UnableToClaimTokenException.class);
    assertThat(nodeB.fetchToken("p", 1)).isNull();
    assertThatThrownBy(() -> nodeB.storeToken(token(5), "p", 0))
        .isInstanceOf(UnableToClaimTokenException.class);
    assertThat(nodeB.fetchAvailableSegments("p"))
        .extracting(Segment::getSegmentId)
        .containsExactly(1);
  }

  @Test
  void aReleasedClaimCanBeTakenAndTheTokenIsKept() {
    nodeA.initializeTokenSegments("p", 1);
    nodeA.fetchToken("p", 0);
    nodeA.storeToken(token(42, 40), "p", 0);
    nodeA.releaseClaim("p", 0);

    assertThat(nodeB.fetchToken("p", 0)).isEqualTo(token(42, 40));
    assertThatThrownBy(() -> nodeA.extendClaim("p", 0))
        .isInstanceOf(UnableToClaimTokenException.class);
    nodeB.extendClaim("p", 0);
  }

  @Test
  void anExpiredClaimCanBeTakenOver() {
    nodeA.initializeTokenSegments("p", 1);
    nodeA.fetchToken("p", 0);

    // a claim is stale once the claimer has seen it unchanged for the timeout (on its own
    // monotonic clock; a wall clock ahead no longer counts, see TokenClaimsUnderClockSkewTest)
    java.util.concurrent.atomic.AtomicLong ticks = new java.util.concurrent.atomic.AtomicLong();
    MongoTokenStore later =
        new MongoTokenStore(
            store.database,
            "tokens",
            store.serializer,
            Duration.ofSeconds(10),
            "c",
            Clock.systemUTC(),
            ticks::get);
    assertThatThrownBy(() -> later.fetchToken("p", 0))
        .isInstanceOf(UnableToClaimTokenException.class);
    ticks.addAndGet(Duration.ofSeconds(11).toNanos());

    assertThat(later.fetchToken("p", 0)).isNull();
  }

  @Test
  void replayTokensRoundTrip() {
    nodeA.initializeTokenSegments("p", 1);
    nodeA.fetchToken("p", 0);
    TrackingToken replay = ReplayToken.createReplayToken(token(100, 97), token(10));

    nodeA.storeToken(replay, "p", 0);

    assertThat(nodeA.fetchToken("p", 0)).isEqualTo(replay);
    assertThat(nodeA.storedEntry("p", 0).orElseThrow().isDocument("token")).isTrue();
  }

  @Test
  void segmentsAreInitializedOnceAndCanBeDeletedByTheirOwner() {
    nodeA.initializeTokenSegments("p", 3, token(7));

    assertThatThrownBy(() -> nodeB.initializeTokenSegments("p", 3))
        .isInstanceOf(UnableToClaimTokenException.class);
    assertThat(nodeB.fetchSegments("p")).containsExactly(0, 1, 2);
    assertThatThrownBy(() -> nodeB.initializeSegment(null, "p", 2))
        .isInstanceOf(UnableToClaimTokenException.class);
    nodeB.fetchToken("p", 2);
    assertThatThrownBy(() -> nodeA.deleteToken("p", 2))
        .isInstanceOf(UnableToClaimTokenException.class);
    nodeB.deleteToken("p", 2);
    assertThat(nodeA.fetchSegments("p")).containsExactly(0, 1);
  }

  @Test
  void aSegmentSplitElsewhereCannotBeClaimedWithItsOldMask() {
    nodeA.initializeTokenSegments("p", 1);
    Segment root = Segment.computeSegment(0, 0);
    nodeA.fetchToken("p", root);
    Segment[] halves = root.split();
    nodeA.initializeSegment(null, "p", halves[1].getSegmentId());
    nodeA.releaseClaim("p", 0);

    assertThatThrownBy(() -> nodeB.fetchToken("p", root))
        .isInstanceOf(UnableToClaimTokenException.class);
    assertThat(nodeB.fetchToken("p", halves[0])).isNull();
  }

  @Test
  void theStorageIdentifierIsStable() {
    String first = nodeA.retrieveStorageIdentifier().orElseThrow();

    assertThat(nodeB.retrieveStorageIdentifier()).contains(first);
  }

  @Test
  void nodeIdsNeedNoHostName() {
    assertThat(MongoTokenStore.newNodeId())
        .startsWith("rathaus-" + ProcessHandle.current().pid() + "-")
        .isNotEqualTo(MongoTokenStore.newNodeId());
  }

  private static GapAwareTrackingToken token(long index, long... gaps) {
    return GapAwareTrackingToken.newInstance(index, java.util.Arrays.stream(gaps).boxed().toList());
  }

  @SuppressWarnings("unused")
  private static final List<String> NONE = List.of();
}
