package de.rathaus.infra.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rathaus' event storage engine on MongoDB, built on Axon's extension points.
 *
 * <p>Guarantees (DESIGN.md section 5): every event gets a unique, increasing global position;
 * processors track with gap-aware tokens, so a slow commit is delivered when it lands instead of
 * being skipped; a second event for the same aggregate and sequence is a duplicate key and is
 * refused with a {@link org.axonframework.modelling.command.ConcurrencyException}; every hot query
 * is an equality or a bounded {@code $in} on a single-field unique key, so its cost does not grow
 * with the store, on the embedded server too; an append is durable before it returns.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

  private static final Logger log = LoggerFactory.getLogger(MongoEventStorageEngine.class);

  /** Keys per {@code $in}: the embedded server checks every hit against the whole list. */
  static final int MAX_KEYS_PER_QUERY = 128;

  private static final int FIRST_AGGREGATE_CHUNK = 32;
  private static final int AGGREGATE_CHUNK = 100;
  private static final int MAX_EMPTY_WINDOWS = 1_000;
  private static final int MAX_REMEMBERED_DEADLINES = 100_000;
  private static final int MAX_REMEMBERED_AGGREGATES = 100_000;
  private static final int DUPLICATE_KEY = 11000;

  private final MongoCollection<BsonDocument> events;
  private final MongoCollection<BsonDocument> snapshots;
  private final com.mongodb.MongoNamespace countersNamespace;
  private final GlobalPositions positions;
  private final EventDocuments eventDocuments;
  private final EventDocuments snapshotDocuments;
  private final StoreDurability durability;
  private final AppendHook appendHook;
  private final Clock clock;
  private final long gapTimeoutMillis;
  private final int maxGapOffset;
  private final int trackingBatchSize;

  /** The newest global position seen per aggregate, from loads and appends of this instance. */
  private final Map<String, Long> lastPositions = new ConcurrentHashMap<>();

  /** When a gap's position can no longer be written: the lease of a later reservation is over. */
  private final Map<Long, Long> gapDeadlines = new ConcurrentHashMap<>();

  protected MongoEventStorageEngine(Builder builder) {
    super(builder);
    this.events = builder.database.getCollection(builder.eventsCollection, BsonDocument.class);
    this.snapshots =
        builder.database.getCollection(builder.snapshotsCollection, BsonDocument.class);
    this.clock = builder.clock;
    this.countersNamespace =
        new com.mongodb.MongoNamespace(builder.database.getName(), builder.countersCollection);
    this.positions =
        new GlobalPositions(
            builder.database.getCollection(builder.countersCollection),
            builder.clock,
            builder.lease,
            builder.positionBlockSize);
    this.eventDocuments = new EventDocuments(getEventSerializer());
    this.snapshotDocuments = new EventDocuments(getSnapshotSerializer());
    this.durability = builder.durability;
    this.appendHook = builder.appendHook;
    this.gapTimeoutMillis = builder.gapTimeout.toMillis();
    this.maxGapOffset = builder.maxGapOffset;
    this.trackingBatchSize = batchSize();
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
    EventDocuments documents =
        serializer == getEventSerializer() ? eventDocuments : new EventDocuments(serializer);
    List<EventMessage<?>> ordered = conflictCandidatesFirst(events);
    List<BsonDocument> prepared = new ArrayList<>(ordered.size());
    for (EventMessage<?> event : ordered) {
      prepared.add(documents.toDocument(event, 0, 0));
    }
    long after = positionToFollow(events);
    GlobalPositions.Reservation reservation = positions.reserve(events.size(), after);
    appendHook.beforeInsert(events);
    while (!positions.usable(reservation)) {
      // The lease is over: readers may already have given these positions up.
      reservation = positions.reserve(events.size(), after);
    }
    Map<EventMessage<?>, Integer> offsetOf = new java.util.IdentityHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      offsetOf.put(events.get(i), i);
    }
    Map<EventMessage<?>, Long> positionOf = new java.util.IdentityHashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      int offset = offsetOf.get(ordered.get(i));
      positionOf.put(ordered.get(i), reservation.position(offset));
      prepared.get(i).put(EventDocuments.GLOBAL_INDEX, new BsonInt64(reservation.position(offset)));
      prepared
          .get(i)
          .put(EventDocuments.RESERVED_AT, new BsonInt64(reservation.reservedAt(offset)));
    }
    try {
      this.events.insertMany(prepared, new InsertManyOptions().ordered(true));
    } catch (MongoBulkWriteException e) {
      if (e.getWriteErrors().isEmpty()) {
        // only the write concern failed: the events may or may not be stored, as after a timeout
        throw new EventStoreException("The database did not confirm the append", e);
      }
      BulkWriteError error = e.getWriteErrors().get(0);
      compensate(prepared.subList(0, error.getIndex()));
      failAppend(e, error.getCode(), error.getMessage(), ordered.get(error.getIndex()));
    } catch (MongoWriteException e) {
      failAppend(e, e.getError().getCode(), e.getError().getMessage(), ordered.get(0));
    }
    try {
      durability.appended(
          this.events.getNamespace(), countersNamespace, prepared, reservation.last());
    } catch (RuntimeException e) {
      compensate(prepared);
      throw new EventStoreException("The append could not be made durable", e);
    }
    for (EventMessage<?> event : events) {
      if (event instanceof DomainEventMessage<?> domain
          && domain.getAggregateIdentifier() != null) {
        rememberPosition(domain.getAggregateIdentifier(), positionOf.get(event));
      }
    }
  }

  /**
   * The position the commit's events must come after so that each aggregate's events stay in order
   * in the global stream: the newest known position of every aggregate the commit continues.
   */
  private long positionToFollow(List<? extends EventMessage<?>> events) {
    long after = 0;
    for (EventMessage<?> event : events) {
      if (event instanceof DomainEventMessage<?> domain
          && domain.getAggregateIdentifier() != null
          && domain.getSequenceNumber() > 0) {
        Long known = lastPositions.get(domain.getAggregateIdentifier());
        after = Math.max(after, known == null ? Long.MAX_VALUE : known);
      }
    }
    return after;
  }

  private void rememberPosition(String aggregateId, long position) {
    if (lastPositions.size() > MAX_REMEMBERED_AGGREGATES) {
      lastPositions.clear(); // forgetting only costs a counter round trip on the next append
    }
    lastPositions.merge(aggregateId, position, Math::max);
  }

  /**
   * Within one commit, a conflict can only occur at the first event of each aggregate (the later
   * ones follow it). Writing those first keeps what a failed commit leaves behind to compensate as
   * small as possible.
   */
  private static List<EventMessage<?>> conflictCandidatesFirst(
      List<? extends EventMessage<?>> events) {
    List<EventMessage<?>> first = new ArrayList<>();
    List<EventMessage<?>> rest = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (EventMessage<?> event : events) {
      if (event instanceof DomainEventMessage<?> domain
          && domain.getAggregateIdentifier() != null
          && seen.add(domain.getAggregateIdentifier())) {
        first.add(event);
      } else {
        rest.add(event); // later events of an aggregate, and events of no aggregate
      }
    }
    first.addAll(rest);
    return first;
  }

  private void compensate(List<BsonDocument> inserted) {
    if (inserted.isEmpty()) {
      return;
    }
    List<BsonValue> ids = inserted.stream().map(d -> d.get(EventDocuments.ID)).toList();
    events.deleteMany(Filters.in(EventDocuments.ID, ids));
    durability.removed(events.getNamespace(), ids);
    log.warn("Removed {} events of a commit that failed part-way", ids.size());
  }

  private void failAppend(Exception e, int code, String message, EventMessage<?> failed) {
    if (code == DUPLICATE_KEY || ErrorCategory.fromErrorCode(code) == ErrorCategory.DUPLICATE_KEY) {
      if (message != null && message.contains(EventDocuments.EVENT_ID)) {
        throw new EventStoreException(
            "An event with identifier [" + failed.getIdentifier() + "] is already stored", e);
      }
      if (message != null && message.contains(EventDocuments.GLOBAL_INDEX)) {
        throw new EventStoreException(
            "The global position counter is behind the stored events; the store needs repair", e);
      }
    }
    handlePersistenceException(e, failed);
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
    List<DomainEventData<JsonNode>> result = new ArrayList<>();
    long next = firstSequenceNumber;
    int chunk = FIRST_AGGREGATE_CHUNK;
    while (true) {
      List<StoredEvent> found = fetchAggregateChunk(identifier, next, chunk);
      for (StoredEvent event : found) {
        result.add(event.domain());
      }
      if (found.size() < chunk) {
        return result.stream();
      }
      next += chunk;
      chunk = AGGREGATE_CHUNK;
    }
  }

  @Override
  protected List<? extends DomainEventData<?>> fetchDomainEvents(
      String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
    return fetchAggregateChunk(aggregateIdentifier, firstSequenceNumber, batchSize).stream()
        .map(StoredEvent::domain)
        .toList();
  }

  /** The contiguous run of an aggregate's events starting at {@code first}, at most {@code n}. */
  private List<StoredEvent> fetchAggregateChunk(String aggregateId, long first, int n) {
    List<BsonValue> ids = new ArrayList<>(n);
    for (long seq = first; seq < first + n; seq++) {
      ids.add(new BsonString(EventDocuments.documentId(aggregateId, seq)));
    }
    List<StoredEvent> found = new ArrayList<>();
    for (BsonDocument document : events.find(Filters.in(EventDocuments.ID, ids))) {
      found.add(EventDocuments.fromDocument(document));
    }
    found.sort(Comparator.comparingLong(StoredEvent::sequenceNumber));
    List<StoredEvent> contiguous = new ArrayList<>(found.size());
    long expected = first;
    for (StoredEvent event : found) {
      if (event.sequenceNumber() != expected) {
        break;
      }
      contiguous.add(event);
      expected++;
    }
    if (!contiguous.isEmpty()) {
      rememberPosition(
          aggregateId, contiguous.stream().mapToLong(StoredEvent::globalIndex).max().getAsLong());
    }
    return contiguous;
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
    while (true) {
      List<StoredEvent> found = fetchAggregateChunk(aggregateIdentifier, next, AGGREGATE_CHUNK);
      if (!found.isEmpty()) {
        last = found.get(found.size() - 1).sequenceNumber();
      }
      if (found.size() < AGGREGATE_CHUNK) {
        return Optional.ofNullable(last);
      }
      next += AGGREGATE_CHUNK;
    }
  }

  // ---------------------------------------------------------------- tracking

  @Override
  protected List<? extends TrackedEventData<?>> fetchTrackedEvents(
      TrackingToken lastToken, int batchSize) {
    if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
      throw new IllegalArgumentException(
          "Unsupported token type " + lastToken.getClass().getSimpleName());
    }
    GapAwareTrackingToken token = (GapAwareTrackingToken) lastToken;
    long index = token == null ? 0 : token.getIndex();
    SortedSet<Long> gaps = token == null ? new TreeSet<>() : new TreeSet<>(token.getGaps());

    List<StoredEvent> found = new ArrayList<>();
    long windowStart = index + 1;
    fetchPositions(gaps, found);
    for (int window = 0; window < MAX_EMPTY_WINDOWS; window++) {
      int before = found.size();
      fetchPositions(range(windowStart, batchSize), found);
      if (found.size() > before) {
        break;
      }
      // Nothing in this window: are later positions reserved, or are we at the head?
      if (positions.highestReserved() < windowStart + batchSize) {
        break;
      }
      windowStart += batchSize;
    }
    lookAgainBelowTheNewest(found, index, gaps);
    found.sort(Comparator.comparingLong(StoredEvent::globalIndex));

    long now = clock.millis();
    Set<Long> filled = new java.util.HashSet<>();
    for (StoredEvent event : found) {
      filled.add(event.globalIndex());
    }
    SortedSet<Long> openGaps = dropExpiredGaps(gaps, filled, index, now);
    List<TrackedEventData<?>> result = new ArrayList<>(found.size());
    for (StoredEvent event : found) {
      long position = event.globalIndex();
      if (openGaps.remove(position)) {
        // a late commit fills a gap
      } else if (position > index) {
        boolean laterCommitsMayStillLand = event.reservedAt() + gapTimeoutMillis > now;
        for (long gap = Math.max(index + 1, position - maxGapOffset); gap < position; gap++) {
          if (laterCommitsMayStillLand) {
            openGaps.add(gap);
            gapDeadlines.putIfAbsent(gap, event.reservedAt() + gapTimeoutMillis);
          }
        }
        index = position;
      } else {
        continue; // an event we have already seen (a gap given up on before it was filled)
      }
      openGaps = new TreeSet<>(openGaps.tailSet(index - maxGapOffset));
      result.add(event.tracked(GapAwareTrackingToken.newInstance(index, openGaps)));
    }
    if (gapDeadlines.size() > MAX_REMEMBERED_DEADLINES) {
      gapDeadlines.clear();
    }
    return result;
  }

  /**
   * A query is no snapshot: an event can land between the lookups of one fetch, so that a later
   * event of an aggregate is found while its predecessor, committed just before it, was looked up
   * too early. Every predecessor of a found event was committed before that event, so one more
   * lookup of the positions still missing below the newest found one, made after the first lookups
   * ended, finds it; delivering out of the aggregate's order is thus impossible.
   */
  private void lookAgainBelowTheNewest(List<StoredEvent> found, long index, SortedSet<Long> gaps) {
    if (found.isEmpty()) {
      return;
    }
    long newest = found.stream().mapToLong(StoredEvent::globalIndex).max().getAsLong();
    Set<Long> have = new java.util.HashSet<>();
    for (StoredEvent event : found) {
      have.add(event.globalIndex());
    }
    Set<Long> missing = new LinkedHashSet<>();
    for (Long gap : gaps) {
      if (gap < newest && !have.contains(gap)) {
        missing.add(gap);
      }
    }
    for (long position = index + 1; position < newest; position++) {
      if (!have.contains(position)) {
        missing.add(position);
      }
    }
    if (!missing.isEmpty()) {
      fetchPositions(missing, found);
    }
  }

  /**
   * Gives up on gaps whose positions can no longer be written: a position reserved after them has a
   * lease that is over, so theirs is over too. Deadlines unknown after a restart are learned from
   * the nearest stored event above each gap.
   */
  private SortedSet<Long> dropExpiredGaps(
      SortedSet<Long> gaps, Set<Long> filled, long index, long now) {
    SortedSet<Long> open = new TreeSet<>();
    List<Long> unknown = new ArrayList<>();
    for (Long gap : gaps) {
      if (!gapDeadlines.containsKey(gap) && !filled.contains(gap)) {
        unknown.add(gap);
      }
    }
    if (!unknown.isEmpty()) {
      learnDeadlines(unknown, index);
    }
    for (Long gap : gaps) {
      Long deadline = gapDeadlines.get(gap);
      if (filled.contains(gap) || deadline == null || deadline > now) {
        open.add(gap);
      } else {
        gapDeadlines.remove(gap);
      }
    }
    return open;
  }

  private void learnDeadlines(List<Long> unknownGaps, long index) {
    Set<Long> probes = new LinkedHashSet<>();
    for (Long gap : unknownGaps) {
      probes.add(gap + 1);
    }
    probes.add(index);
    List<StoredEvent> witnesses = new ArrayList<>();
    fetchPositions(probes, witnesses);
    TreeSet<Long> witnessPositions = new TreeSet<>();
    Map<Long, Long> reservedAt = new LinkedHashMap<>();
    for (StoredEvent witness : witnesses) {
      witnessPositions.add(witness.globalIndex());
      reservedAt.put(witness.globalIndex(), witness.reservedAt());
    }
    for (Long gap : unknownGaps) {
      Long witness = witnessPositions.higher(gap);
      if (witness != null) {
        gapDeadlines.put(gap, reservedAt.get(witness) + gapTimeoutMillis);
      }
    }
  }

  private static List<Long> range(long first, int count) {
    List<Long> positions = new ArrayList<>(count);
    for (long p = first; p < first + count; p++) {
      positions.add(p);
    }
    return positions;
  }

  private void fetchPositions(Collection<Long> wanted, List<StoredEvent> into) {
    List<Long> keys = new ArrayList<>(wanted);
    for (int from = 0; from < keys.size(); from += MAX_KEYS_PER_QUERY) {
      List<Long> chunk = keys.subList(from, Math.min(keys.size(), from + MAX_KEYS_PER_QUERY));
      for (BsonDocument document : events.find(Filters.in(EventDocuments.GLOBAL_INDEX, chunk))) {
        into.add(EventDocuments.fromDocument(document));
      }
    }
  }

  @Override
  public TrackingToken createTailToken() {
    return null;
  }

  @Override
  public TrackingToken createHeadToken() {
    long highest = positions.highestReserved();
    // Positions near the head may belong to commits still under way: the head is the newest
    // stored one, missing positions below it stay open as gaps, those above it come next anyway.
    long recentStart = Math.max(1, highest - trackingBatchSize + 1);
    List<StoredEvent> stored = new ArrayList<>();
    fetchPositions(range(recentStart, (int) (highest - recentStart + 1)), stored);
    long head = recentStart - 1;
    Set<Long> present = new java.util.HashSet<>();
    for (StoredEvent event : stored) {
      present.add(event.globalIndex());
      head = Math.max(head, event.globalIndex());
    }
    if (head <= 0) {
      return null;
    }
    SortedSet<Long> gaps = new TreeSet<>();
    for (long position = recentStart; position < head; position++) {
      if (!present.contains(position)) {
        gaps.add(position);
      }
    }
    return GapAwareTrackingToken.newInstance(head, gaps);
  }

  @Override
  public TrackingToken createTokenAt(Instant dateTime) {
    long low = 1;
    long high = positions.highestReserved();
    // binary search for the first stored position whose timestamp is at or after dateTime
    long answer = high + 1;
    while (low <= high) {
      long mid = (low + high) >>> 1;
      StoredEvent probe = firstStoredFrom(mid, high);
      if (probe == null) {
        high = mid - 1;
      } else if (!probe.timestamp().isBefore(dateTime)) {
        answer = probe.globalIndex();
        high = mid - 1;
      } else {
        low = probe.globalIndex() + 1;
      }
    }
    if (answer > positions.highestReserved()) {
      return createHeadToken(); // nothing stored from then on: start after what is stored
    }
    return answer <= 1 ? null : GapAwareTrackingToken.newInstance(answer - 1, List.of());
  }

  private StoredEvent firstStoredFrom(long from, long limit) {
    for (long start = from; start <= limit; start += trackingBatchSize) {
      List<StoredEvent> found = new ArrayList<>();
      fetchPositions(range(start, (int) Math.min(trackingBatchSize, limit - start + 1)), found);
      if (!found.isEmpty()) {
        return found.stream().min(Comparator.comparingLong(StoredEvent::globalIndex)).get();
      }
    }
    return null;
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

  // ---------------------------------------------------------------- builder

  /** Configures the engine; the database is required, the rest has defaults. */
  public static class Builder extends BatchingEventStorageEngine.Builder {

    private MongoDatabase database;
    private String eventsCollection = "events";
    private String snapshotsCollection = "snapshots";
    private String countersCollection = "eventstore_counters";
    private StoreDurability durability = StoreDurability.BY_WRITE_CONCERN;
    private AppendHook appendHook = AppendHook.NONE;
    private Clock clock = Clock.systemUTC();
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

    public Builder durability(StoreDurability durability) {
      this.durability = durability;
      return this;
    }

    public Builder appendHook(AppendHook appendHook) {
      this.appendHook = appendHook;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * How long a writer may use a reserved position, and how long readers wait for a gap to be
     * filled. The gap timeout must exceed the lease by the clock skew between instances.
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
      persistenceExceptionResolver(MongoEventStorageEngine::isDuplicateKey);
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
