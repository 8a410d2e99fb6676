package de.rathaus.infra.transparency;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.rathaus.application.transparency.Frontier;
import de.rathaus.application.transparency.HistoryLine;
import de.rathaus.application.transparency.HistoryLog;
import de.rathaus.application.transparency.MerkleTree;
import de.rathaus.application.transparency.TreeHashes;
import de.rathaus.domain.transparency.CheckpointRecorded;
import de.rathaus.infra.eventstore.RecordedEvent;
import de.rathaus.infra.eventstore.StoredEventReader;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.conversions.Bson;

/**
 * The sealed tree in the collection {@value #COLLECTION}, as tiles in the manner of C2SP {@code
 * tlog-tiles}: a tile of level L holds up to 256 consecutive hashes of perfect subtrees of 256^L
 * leaves (level 0: the leaf hashes), so that sealing writes a handful of documents per batch, and a
 * root or proof of any size reads O(log n) tiles, full tiles cached (they never change). A state
 * document holds the sealed size.
 *
 * <p>Sealing reads the positions after the sealed size in windows, and stops at the first that is
 * open (nothing stored yet, or a commit not decided yet): the gap-free horizon, which the
 * processors move by giving gaps up (tombstones) after their timeout. A tombstone and an event of
 * an aborted commit become the canonical tombstone leaf. Every write is conditional on growing what
 * is stored, and the tree is a function of the settled history, so two instances sealing at once
 * write the same hashes and neither undoes the other.
 */
public class MongoHistoryLog implements HistoryLog {

  static final String COLLECTION = "transparency_log";
  static final String STATE_ID = "state";
  static final int TILE_HEIGHT = 8;
  static final int TILE_WIDTH = 1 << TILE_HEIGHT;

  private static final int WINDOW = 512;
  private static final int CACHED_TILES = 512;
  private static final String CHECKPOINT_TYPE = CheckpointRecorded.class.getName();

  private final MongoCollection<BsonDocument> log;
  private final StoredEventReader store;
  private final java.util.function.LongPredicate giveUpAbandoned;

  /** Full tiles read so far (they never change), least recently used dropped. */
  private final Map<String, byte[]> fullTiles =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
          return size() > CACHED_TILES;
        }
      };

  // the right edge as this instance sealed it (guarded by this)
  private long size = -1;
  private long lastEventLeaf = -1;
  private Frontier frontier;
  private final Map<Integer, byte[]> partial = new HashMap<>();

  /** A log that reads only: it waits for the processors to give gaps up. */
  public MongoHistoryLog(MongoDatabase database, StoredEventReader store) {
    this(database, store, position -> false);
  }

  /**
   * A log that asks {@code giveUpAbandoned} to give up an open position that holds the horizon back
   * while later events are stored (the engine's {@code giveUpAbandoned}).
   */
  public MongoHistoryLog(
      MongoDatabase database,
      StoredEventReader store,
      java.util.function.LongPredicate giveUpAbandoned) {
    this.log = database.getCollection(COLLECTION, BsonDocument.class);
    this.store = store;
    this.giveUpAbandoned = giveUpAbandoned;
  }

  // ---------------------------------------------------------------- sealing

  /**
   * Seals up to the horizon. The right edge in memory runs ahead of what is stored while a window
   * is hashed and written; if anything fails on the way (a value no canonical JSON can hold, a
   * write refused), it is forgotten, so the next run takes the stored edge again and never adds a
   * leaf twice.
   */
  @Override
  public synchronized Sealed seal() {
    try {
      return sealWindows();
    } catch (RuntimeException | Error e) {
      forget();
      throw e;
    }
  }

  private Sealed sealWindows() {
    Sealed stored = sealed();
    if (stored.size() != size) {
      load(stored);
    }
    long head = store.head();
    while (size < head) {
      long from = HistoryLine.positionOf(size);
      int count = (int) Math.min(WINDOW, head - size);
      StoredEventReader.Window window = store.window(range(from, count));
      long end = window.firstOpen() == null ? from + count : window.firstOpen();
      if (end == from) {
        if (giveUpAbandoned.test(from)) {
          continue; // read the window again: the position holds a tombstone now
        }
        break;
      }
      Map<Long, RecordedEvent> events = new HashMap<>();
      for (RecordedEvent event : window.events()) {
        events.put(event.position(), event);
      }
      Map<String, byte[]> dirty = new LinkedHashMap<>();
      for (long position = from; position < end; position++) {
        RecordedEvent event = events.get(position);
        byte[] leafHash = HistoryLine.leafHash(line(position, event));
        frontier.add(leafHash, (height, index, hash) -> store(height, index, hash, dirty));
        if (event != null && !CHECKPOINT_TYPE.equals(event.payloadType())) {
          lastEventLeaf = HistoryLine.leafIndex(position);
        }
      }
      long sealedSize = HistoryLine.leafIndex(end);
      if (frontier.size() != sealedSize || sealedSize > head) {
        throw new IllegalStateException(
            "The tree's edge ("
                + frontier.size()
                + " leaves) does not end at the sealed position "
                + (end - 1));
      }
      for (Map.Entry<String, byte[]> tile : dirty.entrySet()) {
        writeTile(tile.getKey(), tile.getValue());
      }
      size = sealedSize;
      writeState(size, lastEventLeaf);
      if (end < from + count) {
        break; // an open position: the horizon
      }
    }
    return new Sealed(size, lastEventLeaf);
  }

  /** Adds a completed subtree to its tile, if its height is one that tiles hold. */
  private void store(int height, long index, byte[] hash, Map<String, byte[]> dirty) {
    if (height % TILE_HEIGHT != 0) {
      return;
    }
    int level = height / TILE_HEIGHT;
    long number = index / TILE_WIDTH;
    int offset = (int) (index % TILE_WIDTH);
    byte[] tile = partial.getOrDefault(level, new byte[0]);
    if (offset == 0) {
      tile = new byte[0];
    }
    byte[] grown = Arrays.copyOf(tile, (offset + 1) * TreeHashes.SIZE);
    System.arraycopy(hash, 0, grown, offset * TreeHashes.SIZE, TreeHashes.SIZE);
    partial.put(level, grown);
    dirty.put(tileId(level, number), grown);
    if (offset == TILE_WIDTH - 1) {
      synchronized (fullTiles) {
        fullTiles.put(tileId(level, number), grown);
      }
    }
  }

  private void writeTile(String id, byte[] hashes) {
    int width = hashes.length / TreeHashes.SIZE;
    BsonDocument document =
        new BsonDocument("_id", new BsonString(id))
            .append("width", new BsonInt32(width))
            .append("hashes", new BsonBinary(hashes));
    Bson growing = Filters.and(Filters.eq("_id", id), Filters.lt("width", width));
    try {
      log.replaceOne(growing, document, new ReplaceOptions().upsert(true));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      // another instance stored as much or more of this tile: the same hashes, or a tree that is
      // not this history's, which must not be built on
      BsonDocument stored = log.find(Filters.eq("_id", id)).first();
      byte[] there = stored == null ? new byte[0] : stored.getBinary("hashes").getData();
      if (there.length < hashes.length
          || !MessageDigest.isEqual(Arrays.copyOf(there, hashes.length), hashes)) {
        throw new IllegalStateException(
            "The stored " + id.replace('/', ' ') + " holds other hashes than the history has");
      }
    }
  }

  private void writeState(long sealedSize, long eventLeaf) {
    Bson growing = Filters.and(Filters.eq("_id", STATE_ID), Filters.lt("size", sealedSize));
    try {
      log.updateOne(
          growing,
          Updates.combine(Updates.set("size", sealedSize), Updates.set("lastEventLeaf", eventLeaf)),
          new UpdateOptions().upsert(true));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
    }
  }

  @Override
  public Sealed sealed() {
    BsonDocument state = log.find(Filters.eq("_id", STATE_ID)).first();
    if (state == null) {
      return new Sealed(0, -1);
    }
    return new Sealed(
        state.getNumber("size").longValue(), state.getNumber("lastEventLeaf").longValue());
  }

  /** Takes the right edge of the stored tree of the stored size. */
  private void load(Sealed stored) {
    partial.clear();
    long leaves = stored.size();
    for (int level = 0; leaves > 0; level++) {
      long number = leaves / TILE_WIDTH;
      int width = (int) (leaves % TILE_WIDTH);
      if (width > 0) {
        byte[] hashes = tile(level, number);
        partial.put(level, Arrays.copyOf(hashes, width * TreeHashes.SIZE));
      }
      leaves /= TILE_WIDTH;
    }
    frontier = Frontier.of(stored.size(), this::perfect);
    size = stored.size();
    lastEventLeaf = stored.lastEventLeaf();
  }

  // ---------------------------------------------------------------- reading the tree

  /** The hash of the perfect subtree of 2^height leaves from {@code index · 2^height} on. */
  byte[] perfect(int height, long index) {
    int level = height / TILE_HEIGHT;
    int rest = height % TILE_HEIGHT;
    long first = index << rest;
    long number = first / TILE_WIDTH;
    int offset = (int) (first % TILE_WIDTH);
    int count = 1 << rest;
    byte[] tile = tile(level, number);
    if (tile.length < (offset + count) * TreeHashes.SIZE) {
      throw new IllegalStateException("The stored tree has no subtree " + height + "/" + index);
    }
    List<byte[]> hashes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int at = (offset + i) * TreeHashes.SIZE;
      hashes.add(Arrays.copyOfRange(tile, at, at + TreeHashes.SIZE));
    }
    while (hashes.size() > 1) {
      List<byte[]> up = new ArrayList<>(hashes.size() / 2);
      for (int i = 0; i < hashes.size(); i += 2) {
        up.add(TreeHashes.nodeHash(hashes.get(i), hashes.get(i + 1)));
      }
      hashes = up;
    }
    return hashes.get(0);
  }

  private byte[] tile(int level, long number) {
    String id = tileId(level, number);
    synchronized (fullTiles) {
      byte[] cached = fullTiles.get(id);
      if (cached != null) {
        return cached;
      }
    }
    BsonDocument document = log.find(Filters.eq("_id", id)).first();
    if (document == null) {
      return new byte[0];
    }
    byte[] hashes = document.getBinary("hashes").getData();
    if (hashes.length == TILE_WIDTH * TreeHashes.SIZE) {
      synchronized (fullTiles) {
        fullTiles.put(id, hashes);
      }
    }
    return hashes;
  }

  private static String tileId(int level, long number) {
    return "tile/" + level + "/" + number;
  }

  private void requireSealed(long treeSize) {
    long sealedSize = sealed().size();
    if (treeSize > sealedSize) {
      throw new IllegalArgumentException("The tree size exceeds what is sealed");
    }
  }

  @Override
  public byte[] root(long treeSize) {
    requireSealed(treeSize);
    return MerkleTree.root(treeSize, this::perfect);
  }

  @Override
  public byte[] leafHash(long leafIndex) {
    requireSealed(leafIndex + 1);
    return perfect(0, leafIndex);
  }

  @Override
  public List<byte[]> inclusionProof(long leafIndex, long treeSize) {
    requireSealed(treeSize);
    return MerkleTree.inclusionProof(leafIndex, treeSize, this::perfect);
  }

  @Override
  public List<byte[]> consistencyProof(long fromSize, long toSize) {
    requireSealed(toSize);
    return MerkleTree.consistencyProof(fromSize, toSize, this::perfect);
  }

  // ---------------------------------------------------------------- leaves

  @Override
  public Optional<Leaf> leafOfEvent(String eventId) {
    return store.byEventId(eventId).map(MongoHistoryLog::leaf);
  }

  @Override
  public Optional<Leaf> leafOf(String aggregateId, long sequence) {
    return store.eventOf(aggregateId, sequence).map(MongoHistoryLog::leaf);
  }

  private static Leaf leaf(RecordedEvent event) {
    var line = line(event.position(), event);
    return new Leaf(event.position(), line, HistoryLine.leafHash(line));
  }

  /** The history line of a position: its event, or the canonical tombstone if it holds none. */
  static com.fasterxml.jackson.databind.node.ObjectNode line(long position, RecordedEvent event) {
    if (event == null) {
      return HistoryLine.tombstone(position);
    }
    return HistoryLine.event(
        position,
        event.eventId(),
        event.aggregateType(),
        event.aggregateId(),
        event.sequence(),
        event.timestamp(),
        event.payloadType(),
        event.payloadRevision(),
        event.metaData(),
        event.payload());
  }

  // ---------------------------------------------------------------- verification

  @Override
  public Verification verify(long treeSize, byte[] root) {
    requireSealed(treeSize);
    Frontier rehashed = new Frontier();
    Long firstBad = null;
    String reason = null;
    long position = 1;
    // the next window is read while this one is hashed: reading is mostly the server's work, and
    // hashing the client's, so on more than one core a full verification takes the longer of both
    ExecutorService reader =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "history-verification-read");
              thread.setDaemon(true);
              return thread;
            });
    try {
      Future<StoredEventReader.Window> next = treeSize >= 1 ? readAhead(reader, 1, treeSize) : null;
      while (position <= treeSize) {
        int count = (int) Math.min(WINDOW, treeSize - position + 1);
        StoredEventReader.Window window = await(next);
        next = position + count <= treeSize ? readAhead(reader, position + count, treeSize) : null;
        Map<Long, RecordedEvent> events = new HashMap<>();
        for (RecordedEvent event : window.events()) {
          events.put(event.position(), event);
        }
        byte[] sealedTile = null;
        long sealedTileNumber = -1;
        for (long p = position; p < position + count; p++) {
          long leafIndex = HistoryLine.leafIndex(p);
          byte[] hash = HistoryLine.leafHash(line(p, events.get(p)));
          rehashed.add(hash);
          if (firstBad != null) {
            continue;
          }
          if (window.isOpen(p) && !window.isEmpty(p)) {
            // an event whose commit is undecided: the commit's last event was removed or changed
            firstBad = p;
            reason = "A sealed position holds no settled event: it was removed or changed";
            continue;
          }
          // an empty position hashes as the tombstone: right where the engine removed an event of
          // an aborted commit (sealed as a tombstone), wrong where a sealed event was removed
          long number = leafIndex / TILE_WIDTH;
          if (number != sealedTileNumber) {
            sealedTile = tile(0, number);
            sealedTileNumber = number;
          }
          int at = (int) (leafIndex % TILE_WIDTH) * TreeHashes.SIZE;
          byte[] sealedHash =
              sealedTile.length >= at + TreeHashes.SIZE
                  ? Arrays.copyOfRange(sealedTile, at, at + TreeHashes.SIZE)
                  : null;
          if (sealedHash == null || !MessageDigest.isEqual(sealedHash, hash)) {
            firstBad = p;
            reason = "The stored event does not hash to the leaf sealed at its position";
          }
        }
        position += count;
      }
    } finally {
      reader.shutdownNow();
    }
    if (firstBad != null) {
      return new Verification(treeSize, firstBad, reason);
    }
    if (!MessageDigest.isEqual(rehashed.root(), root)) {
      return new Verification(
          treeSize, null, "The stored tree's leaves match the events, but not the signed root");
    }
    if (!MessageDigest.isEqual(root(treeSize), root)) {
      return new Verification(
          treeSize, null, "The events match the signed root, but the stored tree does not");
    }
    return new Verification(treeSize, null, null);
  }

  private Future<StoredEventReader.Window> readAhead(
      ExecutorService reader, long first, long treeSize) {
    int count = (int) Math.min(WINDOW, treeSize - first + 1);
    return reader.submit(() -> store.window(range(first, count)));
  }

  private static StoredEventReader.Window await(Future<StoredEventReader.Window> window) {
    try {
      return window.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("The verification was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("The history could not be read", e.getCause());
    }
  }

  /** Forgets the right edge and the cache, as a restarted instance would. */
  synchronized void forget() {
    size = -1;
    lastEventLeaf = -1;
    frontier = null;
    partial.clear();
    synchronized (fullTiles) {
      fullTiles.clear();
    }
  }

  private static List<Long> range(long first, int count) {
    List<Long> positions = new ArrayList<>(count);
    for (long p = first; p < first + count; p++) {
      positions.add(p);
    }
    return positions;
  }
}
