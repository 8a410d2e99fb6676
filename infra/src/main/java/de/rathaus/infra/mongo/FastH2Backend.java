package de.rathaus.infra.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
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

/**
 * mongo-java-server's H2 backend with two storage types replaced, measured to be where its time
 * went:
 *
 * <ul>
 *   <li>index keys ({@link KeyValue}) are not {@link Comparable}, so H2 compared them by
 *       Java-serializing both sides on every comparison of every index lookup; here they are
 *       compared value by value, in MongoDB's order;
 *   <li>documents and index keys were stored with Java serialization; here they are stored as BSON,
 *       which makes committing the store and reading cold pages several times cheaper.
 * </ul>
 *
 * The maps are opened with these types before the server's own code opens them (H2 then hands the
 * already open map back). Files written this way carry a format marker; a store without it is
 * refused rather than misread.
 */
final class FastH2Backend extends H2Backend {

  static final String FORMAT_MAP = "rathaus.storage";
  static final String FORMAT = "bson-documents,value-ordered-indexes,v2";

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
   * its index entries: commands hold this lock shared and a commit holds it alone, so that no
   * commit ever saves half an insert.
   */
  private final ReentrantReadWriteLock commands = new ReentrantReadWriteLock();

  /**
   * mongo-java-server checks and writes without locks: two {@code $inc} updates can read the same
   * value, and two inserts can both pass a unique index's check. Commands that write therefore run
   * one at a time (reads still run alongside), as one write of a real MongoDB is atomic.
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

  FastH2Backend(MVStore store) {
    super(checkFormat(store));
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    boolean writing = WRITING_COMMANDS.contains(command.toLowerCase(Locale.ROOT));
    commands.readLock().lock();
    try {
      if (writing) {
        writes.lock();
      }
      try {
        Document answer = super.handleCommand(channel, database, command, query);
        // the answer may hold the stored document itself, which the next write changes in place
        // before the answer is sent: send a copy taken while no other write runs
        return writing && answer != null ? answer.cloneDeeply() : answer;
      } finally {
        if (writing) {
          writes.unlock();
        }
      }
    } finally {
      commands.readLock().unlock();
    }
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

  /** Commits the store between commands; fails if the store is closed or has failed. */
  @Override
  public void commit() {
    commands.writeLock().lock();
    try {
      MVStore store = getMvStore();
      if (store.isClosed()) {
        throw new IllegalStateException("The embedded store is closed");
      }
      store.commit();
    } finally {
      commands.writeLock().unlock();
    }
  }

  private static MVStore checkFormat(MVStore store) {
    MVMap<String, String> format = store.openMap(FORMAT_MAP);
    boolean hasData = store.getMapNames().stream().anyMatch(name -> name.startsWith("databases."));
    String found = format.get("format");
    if (found == null && hasData) {
      throw new IllegalStateException(
          "The data directory holds a store of another format; move it away to start afresh");
    }
    if (found != null && !found.equals(FORMAT)) {
      throw new IllegalStateException("Unknown store format " + found);
    }
    format.put("format", FORMAT);
    return store;
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new FastH2Database(databaseName, getMvStore(), getCursorRegistry());
  }

  private static final class FastH2Database extends H2Database {

    FastH2Database(String name, MVStore store, CursorRegistry cursors) {
      super(name, store, cursors);
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
        String collectionName, de.bwaldvogel.mongo.backend.CollectionOptions options) {
      store()
          .openMap(
              "databases." + getFullCollectionNamespace(collectionName),
              new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
      return super.openOrCreateCollection(collectionName, options);
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
