package de.rathaus.infra.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.rathaus.infra.eventstore.StoreDurability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write-ahead journal for the embedded server, whose H2 store writes its file lazily: appended
 * events are written to the journal (one {@code write} per append, which survives a killed process)
 * before the append is acknowledged, and the store is committed about once a second, after which
 * the journal up to that point is dropped. On start, whatever the journal holds that the store
 * lacks is inserted again.
 *
 * <p>Committing the store after every append would also be durable, but costs about three times an
 * insert; the journal costs a small fraction of one.
 */
final class EmbeddedJournal implements StoreDurability, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedJournal.class);
  private static final String PREFIX = "segment-";
  private static final String SUFFIX = ".wal";

  private final Path directory;
  private final boolean fsync;
  private FileChannel current;
  private long currentNumber;
  private boolean dirty;

  private final Runnable commitStore;

  EmbeddedJournal(Path directory, boolean fsync, Runnable commitStore) {
    this.directory = directory;
    this.fsync = fsync;
    this.commitStore = commitStore;
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the journal directory", e);
    }
  }

  @Override
  public void appended(
      MongoNamespace events,
      MongoNamespace counter,
      List<BsonDocument> documents,
      long highestPosition) {
    BsonDocument record =
        new BsonDocument("db", new BsonString(events.getDatabaseName()))
            .append("events", new BsonString(events.getCollectionName()))
            .append("counter", new BsonString(counter.getCollectionName()))
            .append("highest", new BsonInt64(highestPosition))
            .append("documents", new BsonArray(new ArrayList<BsonValue>(documents)));
    byte[] bytes = encode(record);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    ByteBuffer buffer = ByteBuffer.allocate(8 + bytes.length);
    buffer.putInt(bytes.length).putInt((int) crc.getValue()).put(bytes).flip();
    synchronized (this) {
      try {
        if (current == null) {
          current = open(++currentNumber);
        }
        while (buffer.hasRemaining()) {
          current.write(buffer);
        }
        if (fsync) {
          current.force(false);
        }
        dirty = true;
      } catch (IOException e) {
        // a torn record ends its segment: recovery stops there and goes on with the next one
        closeCurrent();
        dirty = true;
        throw new UncheckedIOException("Could not write the journal", e);
      }
    }
  }

  /**
   * Documents of a failed append were removed again; the removal must not be undone by a crash
   * after a checkpoint had saved them, so the store is committed at once.
   */
  @Override
  public void removed(MongoNamespace events, List<BsonValue> ids) {
    commitStore.run();
  }

  private static byte[] encode(BsonDocument record) {
    RawBsonDocument raw = new RawBsonDocument(record, new BsonDocumentCodec());
    ByteBuffer data = raw.getByteBuffer().asNIO();
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    return bytes;
  }

  private FileChannel open(long number) throws IOException {
    return FileChannel.open(
        directory.resolve(PREFIX + String.format("%012d", number) + SUFFIX),
        StandardOpenOption.CREATE,
        StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
  }

  /**
   * Commits the store and drops the journal written before: every record in a closed segment was
   * inserted into the store before it was journaled, so the commit covers it.
   */
  void checkpoint(boolean storeChanged) {
    List<Path> done;
    synchronized (this) {
      if (!dirty && !storeChanged) {
        return;
      }
      closeCurrent();
      dirty = false;
      done = segments();
    }
    commitStore.run();
    for (Path segment : done) {
      try {
        Files.deleteIfExists(segment);
      } catch (IOException e) {
        log.warn("Could not delete a journal segment: {}", e.getMessage());
      }
    }
  }

  private void closeCurrent() {
    if (current != null) {
      try {
        current.close();
      } catch (IOException e) {
        log.warn("Could not close a journal segment: {}", e.getMessage());
      }
      current = null;
    }
  }

  private List<Path> segments() {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(PREFIX))
          .filter(f -> f.getFileName().toString().endsWith(SUFFIX))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the journal", e);
    }
  }

  /**
   * Inserts what the journal holds and the store lacks, raises the position counters, commits the
   * store and drops the journal. Runs once at start, before anything else uses the store.
   */
  void recover(MongoClient client) {
    List<Path> segments = segments();
    long recovered = 0;
    for (Path segment : segments) {
      for (BsonDocument record : read(segment)) {
        recovered += replay(client, record);
      }
      currentNumber = Math.max(currentNumber, number(segment));
    }
    if (!segments.isEmpty()) {
      commitStore.run();
      for (Path segment : segments) {
        try {
          Files.deleteIfExists(segment);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot drop the recovered journal", e);
        }
      }
      log.info("Recovered {} events from the journal", recovered);
    }
  }

  private static long number(Path segment) {
    String name = segment.getFileName().toString();
    return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
  }

  private static List<BsonDocument> read(Path segment) {
    List<BsonDocument> records = new ArrayList<>();
    try {
      ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(segment));
      while (all.remaining() >= 8) {
        int length = all.getInt();
        int checksum = all.getInt();
        if (length <= 0 || length > all.remaining()) {
          break; // a record cut short by the crash: its append was never acknowledged
        }
        byte[] bytes = new byte[length];
        all.get(bytes);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if ((int) crc.getValue() != checksum) {
          break;
        }
        records.add(new RawBsonDocument(bytes).decode(new BsonDocumentCodec()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the journal", e);
    }
    return records;
  }

  private static int replay(MongoClient client, BsonDocument record) {
    String db = record.getString("db").getValue();
    List<BsonDocument> documents = new ArrayList<>();
    for (BsonValue value : record.getArray("documents")) {
      documents.add(value.asDocument());
    }
    int inserted = documents.size();
    try {
      client
          .getDatabase(db)
          .getCollection(record.getString("events").getValue(), BsonDocument.class)
          .insertMany(documents, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException alreadyStored) {
      inserted -= alreadyStored.getWriteErrors().size();
    }
    client
        .getDatabase(db)
        .getCollection(record.getString("counter").getValue())
        .updateOne(
            new Document("_id", COUNTER_ID),
            Updates.max(COUNTER_FIELD, record.getInt64("highest").getValue()),
            new UpdateOptions().upsert(true));
    return inserted;
  }

  @Override
  public synchronized void close() {
    closeCurrent();
  }
}
