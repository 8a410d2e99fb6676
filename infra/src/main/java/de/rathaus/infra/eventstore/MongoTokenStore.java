package de.rathaus.infra.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Keeps the processors' tokens and their claims in MongoDB, one document per processor segment with
 * {@code _id} = processor name, a slash and the segment, so that every claim is an equality on
 * {@code _id}. Tokens are stored as BSON documents, readable by an operator.
 *
 * <p>Ours rather than the axon-mongo extension's because that one names its node after the host,
 * which resolves the machine's host name at start-up: the engine makes no lookups of any kind.
 */
public class MongoTokenStore implements TokenStore {

  private static final String PROCESSOR = "processorName";
  private static final String SEGMENT = "segment";
  private static final String OWNER = "owner";
  private static final String TIMESTAMP = "timestamp";
  private static final String TOKEN = "token";
  private static final String TOKEN_TYPE = "tokenType";

  /**
   * How often the segment's claim was released: an observer (an operator, the cluster tests) that
   * sees the owner change between two looks tells a handover (the count moved) from a takeover of a
   * claim that was not given up (it did not).
   */
  static final String RELEASES = "releases";

  private static final String CONFIG_ID = "__config";

  private final MongoCollection<Document> tokens;
  private final Serializer serializer;
  private final String nodeId;
  private final long claimTimeoutNanos;
  private final Clock clock;
  private final LongSupplier nanoTime;

  /** A claim of another node as this node saw it, and since when (on its monotonic clock). */
  private record Seen(String owner, long timestamp, long sinceNanos) {}

  private final ConcurrentMap<String, Seen> seen = new ConcurrentHashMap<>();

  public MongoTokenStore(
      MongoDatabase database,
      String collection,
      Serializer serializer,
      Duration claimTimeout,
      String nodeId,
      Clock clock) {
    this(database, collection, serializer, claimTimeout, nodeId, clock, System::nanoTime);
  }

  MongoTokenStore(
      MongoDatabase database,
      String collection,
      Serializer serializer,
      Duration claimTimeout,
      String nodeId,
      Clock clock,
      LongSupplier nanoTime) {
    this.tokens = database.getCollection(collection);
    // a processor's segments are listed by processor (a real MongoDB uses it; the embedded
    // server ignores non-unique indexes)
    tokens.createIndex(Indexes.ascending(PROCESSOR), new IndexOptions().name("by_processor"));
    this.serializer = serializer;
    this.claimTimeoutNanos = claimTimeout.toNanos();
    this.nodeId = nodeId;
    this.clock = clock;
    this.nanoTime = nanoTime;
  }

  /** A node id unique per process that needs no host name: the pid and a random part. */
  public static String newNodeId() {
    return "rathaus-"
        + ProcessHandle.current().pid()
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String id(String processorName, int segment) {
    return processorName + "/" + segment;
  }

  /** The segment, unclaimed or claimed by this node. */
  private Bson claimable(String processorName, int segment) {
    return Filters.and(
        Filters.eq("_id", id(processorName, segment)),
        Filters.or(Filters.eq(OWNER, nodeId), Filters.eq(OWNER, null)));
  }

  /**
   * The segment, still claimed exactly as {@code entry} shows it (the claim not extended since).
   */
  private static Bson unchanged(Document entry) {
    return Filters.and(
        Filters.eq("_id", entry.getString("_id")),
        Filters.eq(OWNER, entry.getString(OWNER)),
        Filters.eq(TIMESTAMP, entry.get(TIMESTAMP)));
  }

  /**
   * Whether another node's claim in {@code entry} is stale: this node has seen it unchanged (same
   * owner, same timestamp) for the claim timeout, on its own monotonic clock. Stored timestamps
   * come from the owner's wall clock and are never compared with this node's, so a clock that is
   * off on either node neither steals a live claim early nor keeps a dead one for longer.
   */
  private boolean abandoned(Document entry) {
    String owner = entry.getString(OWNER);
    if (owner == null || owner.equals(nodeId)) {
      return true;
    }
    long timestamp = ((Number) entry.get(TIMESTAMP)).longValue();
    long now = nanoTime.getAsLong();
    Seen since =
        seen.compute(
            entry.getString("_id"),
            (id, old) ->
                old != null && old.owner().equals(owner) && old.timestamp() == timestamp
                    ? old
                    : new Seen(owner, timestamp, now));
    return now - since.sinceNanos() >= claimTimeoutNanos;
  }

  /** Takes over another node's stale claim of the segment, if it is one. */
  private Document takeOverIfAbandoned(String processorName, int segment, Bson update) {
    Document current = tokens.find(Filters.eq("_id", id(processorName, segment))).first();
    if (current == null || current.getString(OWNER) == null || !abandoned(current)) {
      return null;
    }
    return tokens.findOneAndUpdate(
        unchanged(current),
        update,
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
  }

  private Bson ownedByMe(String processorName, int segment) {
    return Filters.and(Filters.eq("_id", id(processorName, segment)), Filters.eq(OWNER, nodeId));
  }

  @Override
  public void initializeTokenSegments(String processorName, int segmentCount) {
    initializeTokenSegments(processorName, segmentCount, null);
  }

  @Override
  public void initializeTokenSegments(
      String processorName, int segmentCount, TrackingToken initialToken) {
    if (fetchSegments(processorName).length > 0) {
      throw new UnableToClaimTokenException(
          "Unable to initialize segments of " + processorName + ": tokens are already present");
    }
    List<Document> entries = new ArrayList<>();
    for (int segment = 0; segment < segmentCount; segment++) {
      entries.add(entry(processorName, segment, initialToken, null));
    }
    try {
      tokens.insertMany(entries, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      throw new UnableToClaimTokenException(
          "Unable to initialize segments of " + processorName + ": another node did so first");
    }
  }

  @Override
  public void initializeSegment(TrackingToken token, String processorName, int segment) {
    try {
      tokens.insertOne(entry(processorName, segment, token, null));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        throw new UnableToClaimTokenException(
            "Segment " + segment + " of " + processorName + " already exists");
      }
      throw e;
    }
  }

  private Document entry(String processorName, int segment, TrackingToken token, String owner) {
    Document entry =
        new Document("_id", id(processorName, segment))
            .append(PROCESSOR, processorName)
            .append(SEGMENT, segment)
            .append(OWNER, owner)
            .append(TIMESTAMP, clock.millis());
    writeToken(entry, token);
    return entry;
  }

  private void writeToken(Document entry, TrackingToken token) {
    if (token == null) {
      entry.append(TOKEN, null).append(TOKEN_TYPE, null);
      return;
    }
    SerializedObject<JsonNode> serialized = serializer.serialize(token, JsonNode.class);
    entry.append(TOKEN, BsonJson.toBson(serialized.getData()));
    entry.append(TOKEN_TYPE, serialized.getType().getName());
  }

  private TrackingToken readToken(Document entry) {
    String type = entry.getString(TOKEN_TYPE);
    Object stored = entry.get(TOKEN);
    if (type == null || stored == null) {
      return null;
    }
    BsonValue bson = entry.toBsonDocument().get(TOKEN);
    JsonNode json = BsonJson.toJson(bson);
    return serializer.deserialize(new SimpleSerializedObject<>(json, JsonNode.class, type, null));
  }

  @Override
  public void storeToken(TrackingToken token, String processorName, int segment) {
    Document update = new Document(OWNER, nodeId).append(TIMESTAMP, clock.millis());
    writeToken(update, token);
    long matched =
        tokens
            .updateOne(claimable(processorName, segment), new Document("$set", update))
            .getMatchedCount();
    if (matched == 0
        && takeOverIfAbandoned(processorName, segment, new Document("$set", update)) == null) {
      throw new UnableToClaimTokenException(
          "Unable to claim token " + id(processorName, segment) + ": claimed elsewhere or missing");
    }
  }

  @Override
  public TrackingToken fetchToken(String processorName, int segment) {
    Bson claim =
        Updates.combine(Updates.set(OWNER, nodeId), Updates.set(TIMESTAMP, clock.millis()));
    Document entry =
        tokens.findOneAndUpdate(
            claimable(processorName, segment),
            claim,
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    if (entry == null) {
      entry = takeOverIfAbandoned(processorName, segment, claim);
    }
    if (entry == null) {
      boolean exists = tokens.find(Filters.eq("_id", id(processorName, segment))).first() != null;
      throw new UnableToClaimTokenException(
          "Unable to claim token "
              + id(processorName, segment)
              + (exists ? ": it is claimed by another node" : ": it has not been initialized"));
    }
    return readToken(entry);
  }

  /**
   * Claims the segment and checks that it is still the segment the caller thinks it is: another
   * node may have split or merged it in the meantime.
   */
  @Override
  public TrackingToken fetchToken(String processorName, Segment segment) {
    TrackingToken token = fetchToken(processorName, segment.getSegmentId());
    Segment stored = Segment.computeSegment(segment.getSegmentId(), fetchSegments(processorName));
    if (!stored.equals(segment)) {
      releaseClaim(processorName, segment.getSegmentId());
      throw new UnableToClaimTokenException(
          "Unable to claim " + id(processorName, segment.getSegmentId()) + ": split or merged");
    }
    return token;
  }

  @Override
  public void extendClaim(String processorName, int segment) {
    long matched =
        tokens
            .updateOne(ownedByMe(processorName, segment), Updates.set(TIMESTAMP, clock.millis()))
            .getMatchedCount();
    if (matched == 0) {
      throw new UnableToClaimTokenException(
          "Unable to extend the claim on "
              + id(processorName, segment)
              + ": not held by this node");
    }
  }

  @Override
  public void releaseClaim(String processorName, int segment) {
    tokens.updateOne(
        ownedByMe(processorName, segment),
        Updates.combine(Updates.set(OWNER, null), Updates.inc(RELEASES, 1)));
  }

  @Override
  public void deleteToken(String processorName, int segment) {
    long deleted = tokens.deleteOne(ownedByMe(processorName, segment)).getDeletedCount();
    if (deleted == 0) {
      throw new UnableToClaimTokenException(
          "Unable to delete " + id(processorName, segment) + ": not held by this node");
    }
  }

  @Override
  public boolean requiresExplicitSegmentInitialization() {
    return true;
  }

  /**
   * Who claims each segment of {@code processorName}: segment → the claiming node's id (a segment
   * nobody claims is absent). Whether a claimant is alive is not said here (see {@link
   * EngineInstances#seenAlive}).
   */
  public Map<Integer, String> claimants(String processorName) {
    Map<Integer, String> claimants = new HashMap<>();
    for (Document entry :
        tokens
            .find(Filters.and(Filters.eq(PROCESSOR, processorName), Filters.ne(OWNER, null)))
            .projection(Projections.include(SEGMENT, OWNER))) {
      claimants.put(entry.getInteger(SEGMENT), entry.getString(OWNER));
    }
    return claimants;
  }

  @Override
  public int[] fetchSegments(String processorName) {
    // asked at every claim cycle for the fair share too: the segment numbers, not the tokens
    return tokens
        .find(Filters.eq(PROCESSOR, processorName))
        .projection(Projections.include(SEGMENT))
        .into(new ArrayList<>())
        .stream()
        .mapToInt(d -> d.getInteger(SEGMENT))
        .sorted()
        .toArray();
  }

  @Override
  public List<Segment> fetchAvailableSegments(String processorName) {
    List<Document> all = tokens.find(Filters.eq(PROCESSOR, processorName)).into(new ArrayList<>());
    int[] ids = all.stream().mapToInt(d -> d.getInteger(SEGMENT)).sorted().toArray();
    List<Segment> available = new ArrayList<>();
    for (Document entry : all) {
      if (abandoned(entry)) {
        available.add(Segment.computeSegment(entry.getInteger(SEGMENT), ids));
      }
    }
    return available;
  }

  @Override
  public Optional<String> retrieveStorageIdentifier() {
    try {
      tokens.updateOne(
          Filters.eq("_id", CONFIG_ID),
          Updates.setOnInsert("storageIdentifier", UUID.randomUUID().toString()),
          new UpdateOptions().upsert(true));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      } // another node created it at the same moment: read theirs
    }
    Document config = tokens.find(Filters.eq("_id", CONFIG_ID)).first();
    return Optional.ofNullable(config).map(c -> c.getString("storageIdentifier"));
  }

  /** The stored token of a segment as an operator sees it, without claiming it. */
  public Optional<BsonDocument> storedEntry(String processorName, int segment) {
    return Optional.ofNullable(tokens.find(Filters.eq("_id", id(processorName, segment))).first())
        .map(Document::toBsonDocument);
  }
}
