package de.rathaus.infra.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 backend with two storage types replaced, measured to be where its time
 * went, and with every write journaled:
 *
 * <ul>
 *   <li>index keys ({@link KeyValue}) are not {@link Comparable}, so H2 compared them by
 *       Java-serializing both sides on every comparison of every index lookup; here they are
 *       compared value by value, in MongoDB's order;
 *   <li>documents and index keys were stored with Java serialization; here they are stored as BSON,
 *       which makes committing the store and reading cold pages several times cheaper;
 *   <li>the H2 store writes its file only when committed, so every write command is written to the
 *       {@link EmbeddedJournal} before its answer is sent, and {@link #checkpoint()} commits the
 *       store together with the number of the last command it covers. Whatever code writes (the
 *       event store, counters, tokens, read models), an acknowledged write survives a killed
 *       process.
 * </ul>
 *
 * The maps are opened with these types before the server's own code opens them (H2 then hands the
 * already open map back). Files written this way carry a format marker; a store without it is
 * refused rather than misread.
 */
final class FastH2Backend extends H2Backend {

  private static final Logger log = LoggerFactory.getLogger(FastH2Backend.class);

  static final String FORMAT_MAP = "rathaus.storage";
  static final String FORMAT = "bson-documents,value-ordered-indexes,command-journal,v3";

  /** The same store layout, from before every write was journaled: upgraded in place. */
  private static final String FORMAT_V2 = "bson-documents,value-ordered-indexes,v2";

  /** The number of the last journaled command the committed store holds. */
  static final String JOURNALED_UP_TO = "journaled-up-to";

  private static final Field STORE_OF_DATABASE;

  static {
    try {
      STORE_OF_DATABASE = H2Database.class.getDeclaredField("mvStore");
      STORE_OF_DATABASE.setAccessible(true);
    } catch (NoSuchFieldException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * A commit saves the maps one after another, and an insert writes the document and then each of
   * its index entries: commands hold this lock shared and a checkpoint holds it alone, so that no
   * commit ever saves half an insert, and the journal number it records covers exactly the commands
   * whose effects it saves.
   */
  private final ReentrantReadWriteLock commands = new ReentrantReadWriteLock();

  /**
   * mongo-java-server checks and writes without locks: two {@code $inc} updates can read the same
   * value, and two inserts can both pass a unique index's check. Commands that write therefore run
   * one at a time (reads still run alongside), as one write of a real MongoDB is atomic; and they
   * are journaled in the order they ran.
   */
  private final ReentrantLock writes = new ReentrantLock();

  private static final Set<String> WRITING_COMMANDS =
      Set.of(
          "insert",
          "update",
          "delete",
          "findandmodify",
          "createindexes",
          "dropindexes",
          "drop",
          "dropdatabase",
          "create",
          "renamecollection");

  private final EmbeddedJournal journal;
  private final boolean fsync;
  private final MVMap<String, String> format;

  /** The ids of the write command running now (guarded by {@link #writes}), or null. */
  private EmbeddedJournal.GeneratedIds generated;

  /**
   * Set when a command could not be journaled: the server holds its effect but the journal does
   * not, so no further write is taken until a checkpoint has saved the store.
   */
  private volatile String journalFailure;

  private long committedUpTo = -1;

  FastH2Backend(MVStore store, EmbeddedJournal journal, boolean fsync) {
    super(checkFormat(store));
    this.journal = journal;
    this.fsync = fsync;
    this.format = store.openMap(FORMAT_MAP);
  }

  /**
   * Runs the journaled commands the committed store lacks, in order, then checkpoints. Called once
   * at start, before the server listens.
   */
  void recover() {
    String upTo = format.get(JOURNALED_UP_TO);
    long covered = upTo == null ? 0 : Long.parseLong(upTo);
    EmbeddedChannel channel = new EmbeddedChannel();
    try {
      long highest = journal.replay(covered, entry -> replay(channel, entry));
      journal.continueAfter(highest);
    } finally {
      handleClose(channel);
      channel.close();
    }
    checkpoint();
  }

  private void replay(Channel channel, EmbeddedJournal.Entry entry) {
    writes.lock();
    generated = entry.ids();
    try {
      super.handleCommand(channel, entry.database(), entry.command(), entry.query());
    } catch (RuntimeException e) {
      // it failed the first time too (its answer said so), after doing what it did
      log.debug("A replayed {} failed again: {}", entry.command(), e.getMessage());
    } finally {
      generated = null;
      writes.unlock();
    }
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    if (!writes(command, query)) {
      commands.readLock().lock();
      try {
        return super.handleCommand(channel, database, command, query);
      } finally {
        commands.readLock().unlock();
      }
    }
    CurrentDate.fix(command, query);
    ByteBuf record = EmbeddedJournal.encode(database, command, query);
    commands.readLock().lock();
    try {
      long sequence;
      Document answer;
      writes.lock();
      try {
        if (journalFailure != null) {
          record.release();
          throw new MongoServerException(journalFailure);
        }
        EmbeddedJournal.GeneratedIds ids = EmbeddedJournal.GeneratedIds.recording();
        Throwable failure = null;
        answer = null;
        generated = ids;
        try {
          answer = super.handleCommand(channel, database, command, query);
        } catch (RuntimeException | Error e) {
          failure = e; // journaled all the same: it may have written before it failed
        } finally {
          generated = null;
        }
        try {
          sequence = journal.append(record, ids);
        } catch (IOException e) {
          throw journalFailed("write", e);
        }
        if (failure instanceof RuntimeException e) {
          throw e;
        }
        if (failure instanceof Error e) {
          throw e;
        }
        // the answer may hold the stored document itself, which the next write changes in place
        // before the answer is sent: send a copy taken while no other write runs
        answer = answer == null ? null : answer.cloneDeeply();
      } finally {
        writes.unlock();
      }
      try {
        journal.awaitDurable(sequence); // outside the write lock: waiting writes share a force
      } catch (IOException e) {
        throw journalFailed("force", e);
      }
      return answer;
    } finally {
      commands.readLock().unlock();
    }
  }

  private MongoServerException journalFailed(String what, IOException e) {
    journalFailure =
        "The embedded store could not "
            + what
            + " its journal ("
            + e.getMessage()
            + "); writes are refused until it has saved its file";
    log.error("{}", journalFailure);
    return new MongoServerException(journalFailure);
  }

  private static boolean writes(String command, Document query) {
    String name = command.toLowerCase(Locale.ROOT);
    if (WRITING_COMMANDS.contains(name)) {
      return true;
    }
    if (name.equals("aggregate") && query.get("pipeline") instanceof List<?> pipeline) {
      return pipeline.stream()
          .anyMatch(
              stage ->
                  stage instanceof Document d
                      && (d.containsKey("$out") || d.containsKey("$merge")));
    }
    return false;
  }

  @Override
  public QueryResult handleQuery(MongoQuery query) {
    commands.readLock().lock();
    try {
      return super.handleQuery(query);
    } finally {
      commands.readLock().unlock();
    }
  }

  @Override
  public Document handleMessage(MongoMessage message) {
    commands.readLock().lock();
    try {
      return super.handleMessage(message);
    } finally {
      commands.readLock().unlock();
    }
  }

  /** A checkpoint: see {@link #checkpoint()}. */
  @Override
  public void commit() {
    checkpoint();
  }

  /**
   * Commits the store between two commands, recording the number of the last journaled command it
   * covers, and drops the journal behind it; with {@code fsync} the store is forced to the disk
   * before. A crash between the commit and the deletion finds records the store already covers, and
   * skips them. Fails if the store is closed or has failed, keeping the journal.
   */
  void checkpoint() {
    List<Path> covered;
    long upTo;
    boolean failed;
    MVStore store = getMvStore();
    commands.writeLock().lock();
    try {
      if (store.isClosed()) {
        throw new IllegalStateException("The embedded store is closed");
      }
      if (journal.lastSequence() == committedUpTo && !store.hasUnsavedChanges()) {
        return; // nothing written since
      }
      upTo = commitLocked();
      covered = journal.rotate();
      failed = journalFailure != null;
      if (failed) {
        // the store now holds what the journal missed; it must be on the disk before new writes
        if (fsync) {
          store.sync();
        }
        journalFailure = null;
      }
    } finally {
      commands.writeLock().unlock();
    }
    if (fsync && !failed) {
      // every journaled record is forced already: the next writes need not wait for this
      store.sync();
    }
    journal.durableUpTo(upTo);
    journal.delete(covered);
  }

  private long commitLocked() {
    MVStore store = getMvStore();
    if (store.isClosed()) {
      throw new IllegalStateException("The embedded store is closed");
    }
    long upTo = journal.lastSequence();
    if (upTo != committedUpTo) {
      format.put(JOURNALED_UP_TO, Long.toString(upTo));
    }
    if (store.hasUnsavedChanges()) {
      store.commit();
    }
    committedUpTo = upTo;
    return upTo;
  }

  /** Checkpoints and closes the store; commands arriving later fail. */
  @Override
  public void close() {
    List<Path> covered = List.of();
    commands.writeLock().lock();
    try {
      if (!getMvStore().isClosed()) {
        commitLocked();
        if (fsync) {
          getMvStore().sync();
        }
        covered = journal.rotate();
        super.close();
      }
    } finally {
      commands.writeLock().unlock();
    }
    journal.delete(covered);
    journal.close();
  }

  private static MVStore checkFormat(MVStore store) {
    MVMap<String, String> format = store.openMap(FORMAT_MAP);
    boolean hasData = store.getMapNames().stream().anyMatch(name -> name.startsWith("databases."));
    String found = format.get("format");
    if (found == null && hasData) {
      throw new IllegalStateException(
          "The data directory holds a store of another format; move it away to start afresh");
    }
    if (found != null && !found.equals(FORMAT) && !found.equals(FORMAT_V2)) {
      throw new IllegalStateException("Unknown store format " + found);
    }
    format.put("format", FORMAT);
    return store;
  }

  /**
   * The ids of the write command this thread runs now, if it runs one (a read running alongside may
   * create a collection, which adds a document too).
   */
  EmbeddedJournal.GeneratedIds generatedIds() {
    return writes.isHeldByCurrentThread() ? generated : null;
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new FastH2Database(this, databaseName, getMvStore(), getCursorRegistry());
  }

  private static final class FastH2Database extends H2Database {

    private final FastH2Backend backend;

    FastH2Database(FastH2Backend backend, String name, MVStore store, CursorRegistry cursors) {
      super(name, store, cursors);
      this.backend = backend;
    }

    private MVStore store() {
      try {
        // called from the super constructor too, after it has set its field
        return (MVStore) STORE_OF_DATABASE.get(this);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
        String collectionName,
        String indexName,
        List<de.bwaldvogel.mongo.backend.IndexKey> keys,
        boolean sparse) {
      store()
          .openMap(
              getFullCollectionNamespace(collectionName) + "._index_" + indexName,
              new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
      return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(
        String collectionName, CollectionOptions options) {
      String name = getFullCollectionNamespace(collectionName);
      MVMap<Object, Document> documents =
          store()
              .openMap(
                  "databases." + name,
                  new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
      MVMap<String, Object> meta = store().openMap("meta." + name);
      return new JournaledCollection(
          this, collectionName, options, documents, meta, cursorRegistry);
    }
  }

  /**
   * A collection that gives the documents a replayed command adds the ids they got when it first
   * ran (server-generated ids are random).
   */
  private static final class JournaledCollection extends H2Collection {

    private final FastH2Database database;

    JournaledCollection(
        FastH2Database database,
        String name,
        CollectionOptions options,
        MVMap<Object, Document> documents,
        MVMap<String, Object> meta,
        CursorRegistry cursors) {
      super(database, name, options, documents, meta, cursors);
      this.database = database;
    }

    @Override
    public synchronized void addDocument(Document document) {
      // read now: the database's constructor opens collections before it knows its backend
      FastH2Backend owner = database.backend;
      EmbeddedJournal.GeneratedIds ids = owner == null ? null : owner.generatedIds();
      String idField = getIdField();
      if (ids == null || idField == null) {
        super.addDocument(document);
        return;
      }
      ids.adding(document, idField);
      try {
        super.addDocument(document);
      } finally {
        ids.added(document, idField);
      }
    }
  }

  /** Index keys compared value by value, as MongoDB orders values, and stored as BSON. */
  static final class KeyValueType extends BasicDataType<KeyValue> {
    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();
    private static final String VALUES_FIELD = "v";

    @Override
    public int compare(KeyValue left, KeyValue right) {
      int n = Math.min(left.size(), right.size());
      for (int i = 0; i < n; i++) {
        int c = VALUES.compare(left.get(i), right.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(left.size(), right.size());
    }

    @Override
    public int getMemory(KeyValue key) {
      return 48 + 48 * key.size();
    }

    private static final byte NULL = 0;
    private static final byte DOUBLE = 1;
    private static final byte LONG = 2;
    private static final byte STRING = 3;
    private static final byte OTHER = 9;

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
      buffer.putVarInt(key.size());
      for (Object value : key) {
        // normalized index values are mostly doubles, longs and strings: written directly
        if (value == null) {
          buffer.put(NULL);
        } else if (value instanceof Double d) {
          buffer.put(DOUBLE).putDouble(d);
        } else if (value instanceof Long l) {
          buffer.put(LONG).putLong(l);
        } else if (value instanceof String text) {
          buffer.put(STRING).putVarInt(text.length()).putStringData(text, text.length());
        } else {
          buffer.put(OTHER);
          writeBson(buffer, new Document(VALUES_FIELD, value));
        }
      }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
      int size = DataUtils.readVarInt(buffer);
      List<Object> values = new java.util.ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        byte type = buffer.get();
        switch (type) {
          case NULL -> values.add(null);
          case DOUBLE -> values.add(buffer.getDouble());
          case LONG -> values.add(buffer.getLong());
          case STRING -> values.add(DataUtils.readString(buffer, DataUtils.readVarInt(buffer)));
          case OTHER -> values.add(readBson(buffer).get(VALUES_FIELD));
          default -> throw new IllegalStateException("Unknown index key type " + type);
        }
      }
      return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
      return new KeyValue[size];
    }

    @Override
    public boolean equals(Object obj) {
      return obj instanceof KeyValueType;
    }

    @Override
    public int hashCode() {
      return KeyValueType.class.hashCode();
    }
  }

  static void writeBson(WriteBuffer buffer, Document document) {
    ByteBuf out = Unpooled.buffer(256);
    try {
      BsonEncoder.encodeDocument(document, out);
      int length = out.readableBytes();
      buffer.putVarInt(length);
      buffer.put(out.array(), out.arrayOffset() + out.readerIndex(), length);
    } finally {
      out.release();
    }
  }

  static Document readBson(ByteBuffer buffer) {
    int length = DataUtils.readVarInt(buffer);
    ByteBuf in;
    if (buffer.hasArray()) {
      in = Unpooled.wrappedBuffer(buffer.array(), buffer.arrayOffset() + buffer.position(), length);
      buffer.position(buffer.position() + length);
    } else {
      byte[] copy = new byte[length];
      buffer.get(copy);
      in = Unpooled.wrappedBuffer(copy);
    }
    return BsonDecoder.decodeBson(in);
  }

  /** Documents stored as BSON, with the server's own encoder and decoder. */
  static final class BsonDocumentType extends BasicDataType<Document> {

    @Override
    public int getMemory(Document document) {
      return 128 + 96 * document.size();
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
      writeBson(buffer, document);
    }

    @Override
    public Document read(ByteBuffer buffer) {
      return readBson(buffer);
    }

    @Override
    public Document[] createStorage(int size) {
      return new Document[size];
    }

    @Override
    public int compare(Document a, Document b) {
      return a.equals(b) ? 0 : 1;
    }

    @Override
    public boolean equals(Object obj) {
      return obj instanceof BsonDocumentType;
    }

    @Override
    public int hashCode() {
      return BsonDocumentType.class.hashCode();
    }
  }
}
