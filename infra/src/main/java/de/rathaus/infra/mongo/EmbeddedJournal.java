package de.rathaus.infra.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write-ahead journal of the embedded server, whose H2 store writes its file only when it is
 * committed: every write command the server runs (insert, update, delete, findAndModify, index and
 * collection changes) is written here, numbered, in the order the server ran it, before its answer
 * is sent; one {@code write} per command, which survives a killed process (with {@code fsync} also
 * forced to the disk, which survives a power failure). A checkpoint records in the store the number
 * of the last command it covers, commits the store and drops the journal behind it; on start the
 * commands after that number are run again, in order, on the committed state. Counters come back at
 * their last acknowledged value, and an increment the store already holds is never applied twice.
 *
 * <p>A record is {@code length, CRC-32, sequence number, database, command, fields, ids}: the
 * command's fields as BSON (lists of documents element by element, so that a batch larger than one
 * BSON document is no problem), and the object ids the server generated itself while running it
 * (for upserts and inserts without {@code _id}), so that running it again gives the documents the
 * same ids. A record cut short by a crash fails its length or checksum and ends the journal; its
 * command was never acknowledged.
 */
final class EmbeddedJournal implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedJournal.class);
  private static final String PREFIX = "commands-";
  private static final String SUFFIX = ".wal";

  /** Segments of the earlier journal, written by the event store: appended events only. */
  private static final String LEGACY_PREFIX = "segment-";

  /** The event store's position counter, which a journal of the earlier format raised. */
  private static final String LEGACY_COUNTER_ID = "globalIndex";

  private static final String LEGACY_COUNTER_FIELD = "value";

  private static final int HEADER = 16;
  private static final byte DOCUMENTS = 0;

  /** A command read back from the journal. */
  record Entry(long sequence, String database, String command, Document query, GeneratedIds ids) {}

  private final Path directory;
  private final boolean fsync;
  private FileChannel current;
  private long lastSequence;
  private final Object syncing = new Object();
  private long durableSequence;

  EmbeddedJournal(Path directory, boolean fsync) {
    this.directory = directory;
    this.fsync = fsync;
    try {
      Files.createDirectories(directory);
      if (fsync) {
        // the names of the journal folder and of the store file beside it must be on the disk too
        force(directory.toAbsolutePath().getParent());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the journal directory", e);
    }
  }

  private static void force(Path folder) throws IOException {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /** The command's part of a record, encoded before the command runs. */
  static ByteBuf encode(String database, String command, Document query) {
    ByteBuf out = Unpooled.buffer(256);
    writeString(out, database);
    writeString(out, command);
    out.writeInt(query.size());
    for (Map.Entry<String, Object> field : query.entrySet()) {
      writeString(out, field.getKey());
      Object value = field.getValue();
      if (value instanceof List<?> list && list.stream().allMatch(Document.class::isInstance)) {
        out.writeByte(DOCUMENTS);
        out.writeInt(list.size());
        for (Object element : list) {
          BsonEncoder.encodeDocument((Document) element, out);
        }
      } else {
        byte type = BsonEncoder.determineType(value);
        out.writeByte(type);
        BsonEncoder.encodeValue(type, value, out);
      }
    }
    return out;
  }

  /**
   * Writes the command and the ids it generated as the next record and answers its number. Runs one
   * at a time, in the order the commands ran. A failed write may leave a torn record behind, which
   * ends the journal on recovery: the caller must take no further write until a checkpoint.
   */
  synchronized long append(ByteBuf command, GeneratedIds ids) throws IOException {
    long sequence = ++lastSequence;
    ids.writeTo(command);
    try {
      ByteBuffer body = command.nioBuffer();
      ByteBuffer header = ByteBuffer.allocate(HEADER);
      header.putInt(8 + body.remaining()).putInt(0).putLong(sequence);
      CRC32 crc = new CRC32();
      crc.update(header.array(), 8, 8);
      crc.update(body.duplicate());
      header.putInt(4, (int) crc.getValue()).flip();
      if (current == null) {
        current = open(sequence);
      }
      ByteBuffer[] record = {header, body};
      while (body.hasRemaining()) {
        current.write(record);
      }
      return sequence;
    } catch (IOException e) {
      closeCurrent();
      throw e;
    } finally {
      command.release();
    }
  }

  /**
   * With {@code fsync}, returns once the record {@code sequence} and every record before it is on
   * the disk; waiting commands share one {@code force}. Without, returns at once: the records are
   * with the operating system, which keeps them when the process is killed.
   */
  void awaitDurable(long sequence) throws IOException {
    if (!fsync) {
      return;
    }
    synchronized (syncing) {
      if (durableSequence >= sequence) {
        return;
      }
      FileChannel channel;
      long upTo;
      synchronized (this) {
        channel = current;
        upTo = lastSequence;
      }
      if (channel == null) {
        throw new IOException("The journal segment was closed before it was forced");
      }
      channel.force(false);
      durableSequence = Math.max(durableSequence, upTo);
    }
  }

  synchronized long lastSequence() {
    return lastSequence;
  }

  /** Numbers the next record after {@code sequence} (after recovery). */
  synchronized void continueAfter(long sequence) {
    lastSequence = Math.max(lastSequence, sequence);
  }

  /**
   * Closes the segment being written and answers every segment: all of them are covered by the
   * store commit that the caller makes before the next command, and may be deleted after it.
   */
  synchronized List<Path> rotate() {
    closeCurrent();
    return segments();
  }

  /** The store is durable up to {@code sequence} (with {@code fsync}: committed and synced). */
  void durableUpTo(long sequence) {
    synchronized (syncing) {
      durableSequence = Math.max(durableSequence, sequence);
    }
  }

  void delete(List<Path> segments) {
    for (Path segment : segments) {
      try {
        Files.deleteIfExists(segment);
      } catch (IOException e) {
        // the store's checkpoint covers it: a later start skips it
        log.warn("Could not delete a journal segment: {}", e.getMessage());
      }
    }
  }

  private FileChannel open(long firstSequence) throws IOException {
    FileChannel channel =
        FileChannel.open(
            directory.resolve(PREFIX + String.format("%019d", firstSequence) + SUFFIX),
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
    if (fsync) {
      // the new file's name must be on the disk too, or a power failure can lose the whole segment
      try {
        force(directory);
      } catch (IOException e) {
        channel.close();
        throw e;
      }
    }
    return channel;
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
          .filter(
              f -> {
                String name = f.getFileName().toString();
                return name.endsWith(SUFFIX)
                    && (name.startsWith(PREFIX) || name.startsWith(LEGACY_PREFIX));
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the journal", e);
    }
  }

  /**
   * Hands every command journaled after {@code covered} to {@code replay}, in order: first what a
   * journal of the earlier format holds (appended events, as inserts), then the commands up to the
   * first record that is torn or does not follow its predecessor. Answers the highest sequence
   * number found, replayed or not, so that new records are numbered after every old one.
   */
  long replay(long covered, Consumer<Entry> replay) {
    List<Path> segments = segments();
    for (Path segment : segments) {
      if (segment.getFileName().toString().startsWith(LEGACY_PREFIX)) {
        for (ByteBuf record : read(segment, false).records()) {
          replayLegacy(BsonDecoder.decodeBson(record), replay);
        }
      }
    }
    long expected = covered + 1;
    long highest = covered;
    long replayed = 0;
    long skipped = 0;
    boolean broken = false;
    for (Path segment : segments) {
      if (!segment.getFileName().toString().startsWith(PREFIX)) {
        continue;
      }
      Segment read = read(segment, true);
      for (ByteBuf record : read.records()) {
        long sequence = record.readLong();
        highest = Math.max(highest, sequence);
        if (sequence < expected) {
          continue; // committed to the store before the crash
        }
        if (broken || sequence != expected) {
          broken = true;
          skipped++;
          continue;
        }
        replay.accept(decode(sequence, record));
        expected++;
        replayed++;
      }
      // after a torn record comes nothing that was acknowledged
      broken |= read.torn();
    }
    if (replayed > 0) {
      log.info("Recovered {} writes from the journal", replayed);
    }
    if (skipped > 0) {
      log.warn(
          "{} journaled writes do not continue the store and were not recovered (files lost?)",
          skipped);
    }
    return highest;
  }

  /** The intact records of a segment, and whether it ends in a torn one. */
  record Segment(List<ByteBuf> records, boolean torn) {}

  /** The intact records of a segment, each positioned after its length and checksum. */
  static Segment read(Path segment, boolean numbered) {
    List<ByteBuf> records = new ArrayList<>();
    ByteBuffer all;
    try {
      all = ByteBuffer.wrap(Files.readAllBytes(segment));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the journal", e);
    }
    while (all.remaining() >= 8) {
      int start = all.position();
      int length = all.getInt();
      int checksum = all.getInt();
      if (length < (numbered ? 8 : 1) || length > all.remaining()) {
        all.position(start);
        break; // a record cut short by the crash: its write was never acknowledged
      }
      CRC32 crc = new CRC32();
      crc.update(all.array(), all.position(), length);
      if ((int) crc.getValue() != checksum) {
        all.position(start);
        break;
      }
      records.add(Unpooled.wrappedBuffer(all.array(), all.position(), length));
      all.position(all.position() + length);
    }
    return new Segment(records, all.hasRemaining());
  }

  /**
   * A record of the journal the event store wrote before the server journaled every write: the
   * appended events, inserted again where missing, and the position counter raised to the highest.
   */
  private static void replayLegacy(Document record, Consumer<Entry> replay) {
    String database = (String) record.get("db");
    Document insert =
        new Document("insert", record.get("events"))
            .append("documents", record.get("documents"))
            .append("ordered", false);
    Document raise =
        new Document("update", record.get("counter"))
            .append(
                "updates",
                List.of(
                    new Document("q", new Document("_id", LEGACY_COUNTER_ID))
                        .append(
                            "u",
                            new Document(
                                "$max", new Document(LEGACY_COUNTER_FIELD, record.get("highest"))))
                        .append("upsert", true)));
    replay.accept(new Entry(0, database, "insert", insert, GeneratedIds.none()));
    replay.accept(new Entry(0, database, "update", raise, GeneratedIds.none()));
  }

  private static Entry decode(long sequence, ByteBuf in) {
    String database = readString(in);
    String command = readString(in);
    int fields = in.readInt();
    Document query = new Document();
    for (int i = 0; i < fields; i++) {
      String key = readString(in);
      byte type = in.readByte();
      if (type == DOCUMENTS) {
        int size = in.readInt();
        List<Document> documents = new ArrayList<>(size);
        for (int d = 0; d < size; d++) {
          documents.add(BsonDecoder.decodeBson(in));
        }
        query.put(key, documents);
      } else {
        query.put(key, BsonDecoder.decodeValue(type, in));
      }
    }
    return new Entry(sequence, database, command, query, GeneratedIds.readFrom(in));
  }

  private static void writeString(ByteBuf out, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.writeBytes(bytes);
  }

  private static String readString(ByteBuf in) {
    byte[] bytes = new byte[in.readInt()];
    in.readBytes(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void close() {
    closeCurrent();
  }

  /**
   * The object ids the server generated itself while running one write command, by the number of
   * the document the command added ({@code _id} of an upsert or of an insert without one). When the
   * command runs again on recovery, each added document gets the id it got the first time.
   */
  static final class GeneratedIds {

    private final List<Integer> additions;
    private final List<ObjectId> ids;
    private final boolean replaying;
    private int added;
    private int next;

    private GeneratedIds(List<Integer> additions, List<ObjectId> ids, boolean replaying) {
      this.additions = additions;
      this.ids = ids;
      this.replaying = replaying;
    }

    /** Ids to be recorded while a command runs. */
    static GeneratedIds recording() {
      return new GeneratedIds(new ArrayList<>(0), new ArrayList<>(0), false);
    }

    /**
     * Called for each document the command adds: while replaying, gives it the recorded id (before
     * it is added); while recording, {@link #added} notes the id it got.
     */
    void adding(Document document, String idField) {
      int addition = added++;
      if (replaying && next < additions.size() && additions.get(next) == addition) {
        document.put(idField, ids.get(next++));
      }
    }

    void added(Document document, String idField) {
      if (!replaying && document.get(idField) instanceof ObjectId id) {
        additions.add(added - 1);
        ids.add(id);
      }
    }

    void writeTo(ByteBuf out) {
      out.writeInt(ids.size());
      for (int i = 0; i < ids.size(); i++) {
        out.writeInt(additions.get(i));
        out.writeBytes(ids.get(i).toByteArray());
      }
    }

    static GeneratedIds readFrom(ByteBuf in) {
      int size = in.readInt();
      List<Integer> additions = new ArrayList<>(size);
      List<ObjectId> ids = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        additions.add(in.readInt());
        byte[] id = new byte[12];
        in.readBytes(id);
        ids.add(new ObjectId(id));
      }
      return new GeneratedIds(additions, ids, true);
    }

    static GeneratedIds none() {
      return new GeneratedIds(List.of(), List.of(), true);
    }
  }
}
