package de.rathaus.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rathaus.domain.participation.AnswerReasoning;
import de.rathaus.domain.participation.AnswerStatus;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ProposalAnswered;
import de.rathaus.domain.participation.ProposalId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard against events of a newer revision: alone, in the engine's upcaster chain, and under a
 * pooled streaming processor of an old version that meets an event written by a newer one.
 */
class NewerRevisionGuardTest {

  private static final String ANSWERED = ProposalAnswered.class.getName();

  /** A plain event without a revision, which every version reads. */
  record Noted(String text) {}

  @TempDir Path dataDir;
  private EmbeddedStoreFixture store;

  @BeforeEach
  void start() {
    store = new EmbeddedStoreFixture(dataDir);
  }

  @AfterEach
  void stop() {
    store.close();
  }

  private static ProposalAnswered answered() {
    return new ProposalAnswered(
        new ProposalId("proposal-9a4f3c2e-0000-4000-8000-00000000a001"),
        new ConsultationId("consultation-5b1d7e90-0000-4000-8000-00000000c001"),
        AnswerStatus.ACCEPTED,
        new AnswerReasoning("Wird gebaut.", "Is being built."),
        Instant.parse("2026-05-07T09:00:00Z"));
  }

  private static IntermediateEventRepresentation stored(String type, String revision) {
    Serializer serializer = EmbeddedStoreFixture.jsonSerializer();
    return new InitialEventRepresentation(
        new GenericDomainEventEntry<>(
            "Proposal",
            "p-1",
            0,
            "event-1",
            Instant.EPOCH,
            type,
            revision,
            "{}".getBytes(),
            "{}".getBytes()),
        serializer);
  }

  /** The guard of a version that writes ProposalAnswered in revision 1 (before this one). */
  private static NewerRevisionGuard oldVersion(Serializer serializer) {
    return new NewerRevisionGuard(
        type -> ANSWERED.equals(type) ? Optional.of("1") : known(serializer, type));
  }

  private static Optional<String> known(Serializer serializer, String type) {
    Class<?> c = serializer.classForType(new SimpleSerializedType(type, null));
    return org.axonframework.serialization.UnknownSerializedType.class.equals(c)
        ? Optional.empty()
        : Optional.of(Optional.ofNullable(serializer.typeForClass(c).getRevision()).orElse("0"));
  }

  @Test
  void aNewerRevisionStopsTheReadNamingTypeAndRevision() {
    NewerRevisionGuard guard = new NewerRevisionGuard(EmbeddedStoreFixture.jsonSerializer());
    assertThatThrownBy(() -> guard.upcast(Stream.of(stored(ANSWERED, "3"))).toList())
        .isInstanceOf(NewerRevisionException.class)
        .hasMessageContaining(ANSWERED)
        .hasMessageContaining("revision 3")
        .hasMessageContaining("revision 2")
        .hasMessageContaining("event-1");
  }

  @Test
  void theCurrentAndOlderRevisionsAndUnknownTypesPass() {
    NewerRevisionGuard guard = new NewerRevisionGuard(EmbeddedStoreFixture.jsonSerializer());
    List<IntermediateEventRepresentation> events =
        List.of(
            stored(ANSWERED, "2"),
            stored(ANSWERED, "1"),
            stored(ANSWERED, null),
            stored(ANSWERED, "2-beta"),
            stored("de.rathaus.domain.NoSuchEvent", "7"));
    assertThat(guard.upcast(events.stream()).toList()).isEqualTo(events);
  }

  @Test
  void aTypeWithoutRevisionCountsAsRevisionZero() {
    NewerRevisionGuard guard = new NewerRevisionGuard(EmbeddedStoreFixture.jsonSerializer());
    assertThatThrownBy(() -> guard.upcast(Stream.of(stored(Noted.class.getName(), "1"))).toList())
        .isInstanceOf(NewerRevisionException.class);
  }

  @Test
  void theGuardIsInTheEnginesChainAndStopsAnAggregateLoad() {
    Serializer serializer = store.serializer;
    MongoEventStorageEngine newer =
        store
            .engine()
            .upcasterChain(
                EventStoreAutoConfiguration.upcasters(new EventUpcasterChain(), serializer))
            .build();
    newer.ensureIndexes();
    newer.appendEvents(
        new org.axonframework.eventhandling.GenericDomainEventMessage<>(
            "Proposal", "p-1", 0, answered()));
    assertThat(newer.readEvents("p-1").next().getPayload()).isEqualTo(answered());

    MongoEventStorageEngine older =
        store.engine().upcasterChain(new EventUpcasterChain(oldVersion(serializer))).build();
    assertThatThrownBy(() -> older.readEvents("p-1").next().getPayload())
        .isInstanceOf(NewerRevisionException.class)
        .hasMessageContaining(ANSWERED);
  }

  /** What a processor of either version handles. */
  static final class Seen {
    final List<Object> events = new CopyOnWriteArrayList<>();
    final CountDownLatch first = new CountDownLatch(1);
    final CountDownLatch all;

    Seen(int expected) {
      all = new CountDownLatch(expected);
    }

    @EventHandler
    void on(Noted event) {
      events.add(event);
      first.countDown();
      all.countDown();
    }

    @EventHandler
    void on(ProposalAnswered event) {
      events.add(event);
      all.countDown();
    }
  }

  private static Configuration processing(
      MongoEventStorageEngine engine, TokenStore tokens, Seen handler) {
    Configuration configuration =
        DefaultConfigurer.defaultConfiguration()
            .configureSerializer(c -> EmbeddedStoreFixture.jsonSerializer())
            .configureEmbeddedEventStore(c -> engine)
            .eventProcessing(
                p ->
                    p.usingPooledStreamingEventProcessors()
                        .registerTokenStore(c -> tokens)
                        .registerEventHandler(c -> handler))
            .buildConfiguration();
    configuration.start();
    return configuration;
  }

  /**
   * The guard stops the read of the batch that holds the newer event, so the old processor may or
   * may not have handled the events of that batch before it; what must hold is that it handles the
   * newer event never, skips nothing (its tokens stay before that event), and that the upgraded
   * instance goes on from where the old one stood: between them, every event exactly once.
   */
  @Test
  void anOldProcessorHaltsAtANewerEventAndTheNewVersionGoesOnFromThere() throws Exception {
    Serializer serializer = store.serializer;
    MongoEventStorageEngine newer =
        store
            .engine()
            .upcasterChain(
                EventStoreAutoConfiguration.upcasters(new EventUpcasterChain(), serializer))
            .build();
    newer.ensureIndexes();
    newer.appendEvents(
        GenericEventMessage.asEventMessage(new Noted("before")),
        GenericEventMessage.asEventMessage(answered()),
        GenericEventMessage.asEventMessage(new Noted("after")));
    CountDownLatch refusedTwice = new CountDownLatch(2);
    NewerRevisionGuard oldGuard = oldVersion(serializer);
    MongoEventStorageEngine older =
        store
            .engine()
            .upcasterChain(
                new EventUpcasterChain(
                    events ->
                        events.map(
                            e -> {
                              try {
                                return oldGuard.upcast(Stream.of(e)).findFirst().orElseThrow();
                              } catch (NewerRevisionException refused) {
                                refusedTwice.countDown();
                                throw refused;
                              }
                            })))
            .build();
    TokenStore tokens = new InMemoryTokenStore();
    String processor = Seen.class.getName();

    Seen old = new Seen(3);
    Configuration oldInstance = processing(older, tokens, old);
    try {
      // the processor reads the newer event, stops, and retries it: it must neither handle nor skip
      assertThat(refusedTwice.await(60, TimeUnit.SECONDS)).isTrue();
      assertThat(old.events).doesNotContain(answered(), new Noted("after"));
    } finally {
      oldInstance.shutdown();
    }
    List<Object> handledByOld = List.copyOf(old.events);
    for (int segment : tokens.fetchSegments(processor)) {
      TrackingToken token = tokens.fetchToken(processor, segment);
      assertThat(token == null ? -1 : token.position().orElse(-1))
          .as("segment %d stays before the newer event", segment)
          .isLessThan(newerEventPosition(newer));
    }

    List<Object> history = List.of(new Noted("before"), answered(), new Noted("after"));
    assertThat(history).containsAll(handledByOld);
    List<Object> rest = history.stream().filter(e -> !handledByOld.contains(e)).toList();
    Seen upgraded = new Seen(rest.size());
    Configuration newInstance = processing(newer, tokens, upgraded);
    try {
      assertThat(upgraded.all.await(60, TimeUnit.SECONDS)).isTrue();
      // segments keep their own order only: the events lie in different segments here
      assertThat(upgraded.events).containsExactlyInAnyOrderElementsOf(rest);
    } finally {
      newInstance.shutdown();
    }
  }

  private static long newerEventPosition(MongoEventStorageEngine engine) {
    try (Stream<? extends org.axonframework.eventhandling.TrackedEventMessage<?>> all =
        engine.readEvents(null, false)) {
      return all.filter(e -> e.getPayload() instanceof ProposalAnswered)
          .findFirst()
          .orElseThrow()
          .trackingToken()
          .position()
          .orElseThrow();
    }
  }
}
