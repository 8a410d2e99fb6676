package de.rathaus.infra.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.bson.BsonDocument;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rathaus' event storage engine on MongoDB, built on Axon's extension points.
 *
 * <p>Guarantees (docs/design.md section 5): every event gets a unique, increasing global position;
 * processors track with gap-aware tokens, so a slow commit is delivered when it lands instead of
 * being skipped, and a gap is given up only by a tombstone at its position, which a late commit
 * runs into (it is then written again at new positions): an acknowledged event is never skipped,
 * whatever the clocks say. A commit of several events counts once its last event is stored, so
 * processors and aggregate loads see all of it or nothing. A second event for the same aggregate
 * and sequence is a duplicate key and is refused with a {@link
 * org.axonframework.modelling.command.ConcurrencyException}; every hot query is an equality or a
 * bounded {@code $in} on a single-field unique key, so its cost does not grow with the store, on
 * the embedded server too; an append is durable before it returns.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

  private final MongoCollection<BsonDocument> events;
  private final MongoCollection<BsonDocument> snapshots;
  private final GlobalPositions positions;
  private final EventDocuments eventDocuments;
  private final EventDocuments snapshotDocuments;
  private final EventAppender appender;
  private static final Logger log = LoggerFactory.getLogger(MongoEventStorageEngine.class);
  private static final int MAX_REMEMBERED_GIVEN_UP = 100_000;

  private final AggregateStreams aggregateStreams;
  private final EventTracking tracking;
  private final TrackingTokens tokens;
  private final StoredEventReader reader;
  private final PositionLookup lookup;
  private final Tombstones tombstones;
  private final Clock clock;
  private final Duration lease;

  /**
   * Positions known to hold tombstones (which never change), so that a caller asking again and
   * again (readiness every 20 ms, read-your-writes) does not look the same gaps up each time.
   */
  private final Set<Long> givenUpGaps = ConcurrentHashMap.newKeySet();

  protected MongoEventStorageEngine(Builder builder) {
    super(builder);
    MongoDatabase database = builder.database.withWriteConcern(boundedWait(builder));
    this.events = database.getCollection(builder.eventsCollection, BsonDocument.class);
    this.snapshots = database.getCollection(builder.snapshotsCollection, BsonDocument.class);
    this.positions =
        new GlobalPositions(
            database.getCollection(builder.countersCollection),
            builder.clock,
            builder.nanoTime,
            builder.lease,
            builder.positionBlockSize);
    this.eventDocuments = new EventDocuments(getEventSerializer());
    this.snapshotDocuments = new EventDocuments(getSnapshotSerializer());
    AggregatePositions aggregates = new AggregatePositions();
    DecidedCommits commits = new DecidedCommits();
    PositionLookup lookup = new PositionLookup(events);
    Tombstones tombstones = new Tombstones(events, lookup);
    long gapTimeoutMillis = builder.gapTimeout.toMillis();
    this.appender =
        new EventAppender(
            events,
            positions,
            aggregates,
            commits,
            tombstones,
            builder.appendHook,
            this::handlePersistenceException,
            builder.clock,
            gapTimeoutMillis);
    this.aggregateStreams = new AggregateStreams(events, lookup, aggregates, commits);
    this.tracking =
        new EventTracking(
            lookup,
            tombstones,
            positions,
            builder.clock,
            new GapTracker(gapTimeoutMillis, builder.maxGapOffset));
    this.tokens = new TrackingTokens(lookup, positions, batchSize());
    this.reader = new StoredEventReader(events, lookup, positions);
    this.lookup = lookup;
    this.tombstones = tombstones;
    this.clock = builder.clock;
    this.lease = builder.lease;
  }

  /**
   * The database's write concern with a {@code wtimeout} below the lease: a write that waits for
   * replication longer than that is answered as unknown instead of holding the command for ever.
   */
  private static WriteConcern boundedWait(Builder builder) {
    WriteConcern configured = builder.database.getWriteConcern();
    long bound = Math.max(1, builder.lease.toMillis() / 2);
    Integer own = configured.getWTimeout(TimeUnit.MILLISECONDS);
    long wtimeout = own == null || own <= 0 ? bound : Math.min(own, bound);
    return configured.withWTimeout(wtimeout, TimeUnit.MILLISECONDS);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Creates the unique indexes the engine relies on; safe to call on every start. */
  public void ensureIndexes() {
    events.createIndex(
        Indexes.ascending(EventDocuments.GLOBAL_INDEX), new IndexOptions().unique(true));
    events.createIndex(Indexes.ascending(EventDocuments.EVENT_ID), new IndexOptions().unique(true));
  }

  // ---------------------------------------------------------------- appending

  @Override
  protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
    if (events.isEmpty()) {
      return;
    }
    appender.append(
        events,
        serializer == getEventSerializer() ? eventDocuments : new EventDocuments(serializer));
  }

  @Override
  protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
    EventDocuments documents =
        serializer == getSnapshotSerializer() ? snapshotDocuments : new EventDocuments(serializer);
    BsonDocument document = documents.toSnapshotDocument(snapshot);
    // by _id only (what the embedded server indexes); an older snapshot never replaces a newer one
    BsonDocument existing =
        snapshots.find(Filters.eq(EventDocuments.ID, snapshot.getAggregateIdentifier())).first();
    if (existing != null
        && existing.getNumber(EventDocuments.SEQUENCE).longValue()
            >= snapshot.getSequenceNumber()) {
      return;
    }
    snapshots.replaceOne(
        Filters.eq(EventDocuments.ID, snapshot.getAggregateIdentifier()),
        document,
        new ReplaceOptions().upsert(true));
  }

  // ---------------------------------------------------------------- aggregates

  @Override
  protected Stream<? extends DomainEventData<?>> readEventData(
      String identifier, long firstSequenceNumber) {
    return aggregateStreams.from(identifier, firstSequenceNumber).stream();
  }

  @Override
  protected List<? extends DomainEventData<?>> fetchDomainEvents(
      String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
    return aggregateStreams.chunk(aggregateIdentifier, firstSequenceNumber, batchSize).stream()
        .map(StoredEvent::domain)
        .toList();
  }

  @Override
  protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
    BsonDocument document =
        snapshots.find(Filters.eq(EventDocuments.ID, aggregateIdentifier)).first();
    return document == null
        ? Stream.empty()
        : Stream.of(EventDocuments.fromDocument(document).domain());
  }

  @Override
  public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
    BsonDocument snapshot =
        snapshots.find(Filters.eq(EventDocuments.ID, aggregateIdentifier)).first();
    long next = snapshot == null ? 0 : snapshot.getNumber(EventDocuments.SEQUENCE).longValue() + 1;
    Long last = snapshot == null ? null : next - 1;
    return Optional.ofNullable(aggregateStreams.lastSequenceFrom(aggregateIdentifier, next, last));
  }

  // ---------------------------------------------------------------- tracking

  @Override
  protected List<? extends TrackedEventData<?>> fetchTrackedEvents(
      TrackingToken lastToken, int batchSize) {
    if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
      throw new IllegalArgumentException(
          "Unsupported token type " + lastToken.getClass().getSimpleName());
    }
    return tracking.fetch((GapAwareTrackingToken) lastToken, batchSize);
  }

  @Override
  public TrackingToken createTailToken() {
    return null;
  }

  @Override
  public TrackingToken createHeadToken() {
    return tokens.head();
  }

  @Override
  public TrackingToken createTokenAt(Instant dateTime) {
    return tokens.at(dateTime);
  }

  /**
   * Whether a processor at {@code token} has been given every event that one at {@code other} was
   * given ({@code other} a head token: every event stored when it was read). Axon's {@link
   * TrackingToken#covers} asks more: that every gap of {@code token} below the other's index is a
   * gap of the other too. But a processor keeps a gap given up after it passed it until its next
   * event, and a head token does not list a given-up position as a gap; so on an idle store, or
   * after another instance's death left positions open, a processor that has everything did not
   * cover a head read later (readiness waited for it for good). Here such a gap counts as long as
   * its position holds no event a processor is given (a tombstone, nothing, part of an aborted or
   * undecided commit): positions only ever turn from open to settled, so what holds no such event
   * now held none when {@code other} was read. A wrapped token (a replay) counts by its lower
   * bound.
   */
  public boolean hasEverythingOf(TrackingToken token, TrackingToken other) {
    TrackingToken mine = WrappedToken.unwrapLowerBound(token);
    TrackingToken theirs = WrappedToken.unwrapLowerBound(other);
    if (theirs == null) {
      return true;
    }
    if (mine == null) {
      return false;
    }
    if (!(mine instanceof GapAwareTrackingToken here)
        || !(theirs instanceof GapAwareTrackingToken there)) {
      return mine.covers(theirs);
    }
    if (here.covers(there)) {
      return true;
    }
    if (here.getIndex() < there.getIndex()) {
      return false;
    }
    List<Long> unlisted =
        here.getGaps().headSet(there.getIndex() + 1).stream()
            .filter(gap -> !there.getGaps().contains(gap) && !givenUpGaps.contains(gap))
            .toList();
    if (unlisted.isEmpty()) {
      return true;
    }
    try {
      List<StoredEvent> slots = new ArrayList<>();
      lookup.fetch(unlisted, slots);
      for (StoredEvent slot : slots) {
        if (slot.tombstone()) {
          rememberGivenUp(slot.globalIndex());
        }
      }
      // the slots found are looked at as they are: their commits' last events are looked up
      // only where not found among them
      return reader.decided(slots).isEmpty();
    } catch (MongoException e) {
      // the store is away for a moment: not known to have everything; the callers ask again
      log.debug("Could not look {} gaps up: {}", unlisted.size(), e.toString());
      return false;
    }
  }

  private void rememberGivenUp(long position) {
    if (givenUpGaps.size() >= MAX_REMEMBERED_GIVEN_UP) {
      givenUpGaps.clear(); // forgetting only means looking them up again
    }
    givenUpGaps.add(position);
  }

  /** The number of positions reserved so far; the store's size to within failed commits. */
  public long highestPosition() {
    return positions.highestReserved();
  }

  /** Reads the stored document at a global position, as auditors and tests see it. */
  public Optional<Document> storedDocumentAt(long globalIndex) {
    BsonDocument document =
        events.find(Filters.eq(EventDocuments.GLOBAL_INDEX, globalIndex)).first();
    return Optional.ofNullable(document).map(d -> Document.parse(d.toJson()));
  }

  // ---------------------------------------------------------------- auditors

  /**
   * The aggregate's history as its loads see it (decided commits only), each event with the token
   * of its global position, deserialized (upcast, personal data decrypted) as processors get it:
   * what a view built in memory from part of the history runs on.
   */
  public List<TrackedEventMessage<?>> historyOf(String aggregateIdentifier) {
    // chunks of the first load's size: an $in of 100 ids slowed down with the store's size on the
    // embedded server (asof_case_200k_vs_10k 1.73 with them)
    return deserialized(
        aggregateStreams.stored(aggregateIdentifier, 0, AggregateStreams.FIRST_CHUNK));
  }

  /**
   * The events at the given global positions, in position order, deserialized as processors get
   * them; a position that holds no event (a tombstone, nothing yet, a part of an aborted or
   * undecided commit) is left out.
   */
  public List<TrackedEventMessage<?>> eventsAt(Collection<Long> globalIndexes) {
    return deserialized(reader.storedAt(globalIndexes));
  }

  private List<TrackedEventMessage<?>> deserialized(List<StoredEvent> stored) {
    return EventUtils.upcastAndDeserializeTrackedEvents(
            stored.stream()
                .map(e -> e.tracked(GapAwareTrackingToken.newInstance(e.globalIndex(), Set.of()))),
            getEventSerializer(),
            upcasterChain)
        .toList();
  }

  /**
   * Gives up an open position whose writer's lease has certainly run out: an event stored above it
   * was reserved more than twice the lease ago, and positions are reserved in increasing order, so
   * no writer may start an insert there any more (one already under way runs into the tombstone and
   * is written again at new positions, as after any gap given up). The processors give such a gap
   * up only after the gap timeout; the sealing of the history asks earlier, so that the unused rest
   * of a block of positions does not hold receipts back for a minute. Answers whether the position
   * holds a tombstone now.
   */
  public boolean giveUpAbandoned(long position) {
    List<StoredEvent> above = new java.util.ArrayList<>();
    lookup.fetch(PositionLookup.range(position + 1, PositionLookup.MAX_KEYS_PER_QUERY), above);
    long newest = -1;
    long nearest = Long.MAX_VALUE;
    for (StoredEvent slot : above) {
      if (!slot.tombstone() && slot.globalIndex() < nearest) {
        nearest = slot.globalIndex();
        newest = slot.reservedAt();
      }
    }
    if (newest < 0 || clock.millis() - newest <= 2 * lease.toMillis()) {
      return false;
    }
    return tombstones.giveUp(List.of(position)).contains(position);
  }

  /** Reads stored events as auditors see them (by position, by aggregate); writes nothing. */
  public StoredEventReader reader() {
    return reader;
  }

  // ---------------------------------------------------------------- builder

  /** Configures the engine; the database is required, the rest has defaults. */
  public static class Builder extends BatchingEventStorageEngine.Builder {

    private MongoDatabase database;
    private String eventsCollection = "events";
    private String snapshotsCollection = "snapshots";
    private String countersCollection = "eventstore_counters";
    private AppendHook appendHook = AppendHook.NONE;
    private Clock clock = Clock.systemUTC();
    private LongSupplier nanoTime = System::nanoTime;
    private PersistenceExceptionResolver persistenceExceptionResolver;
    private Duration lease = Duration.ofSeconds(10);
    private Duration gapTimeout = Duration.ofSeconds(60);
    private int maxGapOffset = 10_000;
    private int positionBlockSize = 32;

    public Builder database(MongoDatabase database) {
      this.database = database;
      return this;
    }

    public Builder collections(String events, String snapshots, String counters) {
      this.eventsCollection = events;
      this.snapshotsCollection = snapshots;
      this.countersCollection = counters;
      return this;
    }

    public Builder appendHook(AppendHook appendHook) {
      this.appendHook = appendHook;
      return this;
    }

    /** The wall clock: it stamps reservations and decides when readers give a gap up. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** The monotonic clock of the writers' leases ({@link System#nanoTime()}; tests). */
    public Builder nanoTime(LongSupplier nanoTime) {
      this.nanoTime = nanoTime;
      return this;
    }

    /**
     * Replaces the engine's own detection of conflicts (a duplicate key of MongoDB), which turns a
     * second event at the same aggregate and sequence into a {@code ConcurrencyException}.
     */
    @Override
    public Builder persistenceExceptionResolver(
        PersistenceExceptionResolver persistenceExceptionResolver) {
      this.persistenceExceptionResolver = persistenceExceptionResolver;
      super.persistenceExceptionResolver(persistenceExceptionResolver);
      return this;
    }

    /**
     * How long a writer may start writing at a reserved position, and how long readers wait for a
     * gap to be filled before they give it up. Neither decides whether an event can be lost (a
     * given-up position holds a tombstone, which a late write runs into); a gap timeout well above
     * the lease only keeps slow commits from being aborted and written again.
     */
    public Builder leaseAndGapTimeout(Duration lease, Duration gapTimeout) {
      this.lease = lease;
      this.gapTimeout = gapTimeout;
      return this;
    }

    public Builder maxGapOffset(int maxGapOffset) {
      this.maxGapOffset = maxGapOffset;
      return this;
    }

    public Builder positionBlockSize(int positionBlockSize) {
      this.positionBlockSize = positionBlockSize;
      return this;
    }

    @Override
    public Builder eventSerializer(Serializer eventSerializer) {
      super.eventSerializer(eventSerializer);
      return this;
    }

    @Override
    public Builder snapshotSerializer(Serializer snapshotSerializer) {
      super.snapshotSerializer(snapshotSerializer);
      return this;
    }

    @Override
    public Builder upcasterChain(
        org.axonframework.serialization.upcasting.event.EventUpcaster chain) {
      super.upcasterChain(chain);
      return this;
    }

    @Override
    public Builder batchSize(int batchSize) {
      super.batchSize(batchSize);
      return this;
    }

    @Override
    protected void validate() throws AxonConfigurationException {
      super.validate();
      if (database == null) {
        throw new AxonConfigurationException("The MongoDatabase is required");
      }
      if (gapTimeout.compareTo(lease) <= 0) {
        throw new AxonConfigurationException("The gap timeout must be longer than the lease");
      }
    }

    public MongoEventStorageEngine build() {
      super.persistenceExceptionResolver(
          persistenceExceptionResolver != null
              ? persistenceExceptionResolver
              : MongoEventStorageEngine::isDuplicateKey);
      validate();
      return new MongoEventStorageEngine(this);
    }
  }

  static boolean isDuplicateKey(Exception e) {
    if (e instanceof MongoBulkWriteException bulk) {
      return bulk.getWriteErrors().stream()
          .anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) == ErrorCategory.DUPLICATE_KEY);
    }
    return e instanceof MongoWriteException write
        && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
  }
}
