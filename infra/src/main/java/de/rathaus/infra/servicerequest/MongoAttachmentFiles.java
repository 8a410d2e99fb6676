package de.rathaus.infra.servicerequest;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import de.rathaus.application.privacy.PersonalDataKeyMissing;
import de.rathaus.application.privacy.PersonalDataUnreadable;
import de.rathaus.application.servicerequest.AttachmentFiles;
import de.rathaus.domain.servicerequest.AttachmentId;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.infra.privacy.SubjectKey;
import de.rathaus.infra.privacy.SubjectKeyStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Documents' bytes on MongoDB, encrypted with AES-256-GCM under the applicant's subject key: the
 * same key as their personal values, so erasing the applicant (destroying the key) makes every
 * document of theirs unreadable at once, while the case's history keeps each document's SHA-256.
 *
 * <p>Two collections, every query an equality on {@code _id} (the embedded server's fast path):
 * {@code attachment_files} holds one document per file ({@code _id} = attachment id, subject, key
 * id, number of chunks, size, SHA-256 of the plaintext, when stored); {@code attachment_chunks}
 * holds its pieces of {@value #CHUNK_BYTES} bytes ({@code _id} = attachment id, a slash and the
 * zero-padded chunk number; {@code data} = IV, ciphertext and tag), each with its own random IV and
 * bound (as associated data) to subject, key id, attachment id, its number and whether it is the
 * last, so that a chunk moved to another file or place, or a file cut short, does not decrypt.
 *
 * <p>The chunks are written first and the file document last: a file whose writing stopped halfway
 * has no file document and is never read. A stored file that no case refers to (the case refused
 * it, or the engine stopped before the case recorded it) is deleted when the refusal is known, and
 * otherwise stays an unreferenced ciphertext that no download reaches.
 */
public final class MongoAttachmentFiles implements AttachmentFiles {

  /** The collection of the files' records. */
  public static final String FILES = "attachment_files";

  /** The collection of the files' encrypted pieces. */
  public static final String CHUNKS = "attachment_chunks";

  /** The size of a piece: 255 KiB, as GridFS uses, well inside a document's 16 MB. */
  static final int CHUNK_BYTES = 255 * 1024;

  private static final String FORMAT = "att-v1";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final MongoCollection<Document> files;
  private final MongoCollection<Document> chunks;
  private final SubjectKeyStore keys;
  private final Runnable afterWrite;
  private final SecureRandom random;
  private final Clock clock;

  /**
   * @param afterWrite makes what was written durable where write concern does not (the embedded
   *     server's commit); nothing on a replica set
   */
  public MongoAttachmentFiles(
      MongoDatabase database,
      SubjectKeyStore keys,
      Runnable afterWrite,
      SecureRandom random,
      Clock clock) {
    this.files = database.getCollection(FILES);
    this.chunks = database.getCollection(CHUNKS);
    this.keys = keys;
    this.afterWrite = afterWrite;
    this.random = random;
    this.clock = clock;
  }

  @Override
  public Stored store(AttachmentId id, CitizenId applicant, InputStream content, long maxBytes)
      throws IOException {
    delete(id); // a file of this id stored before (an attempt repeated) is replaced as a whole
    SubjectKey key = keys.currentKey(applicant.value());
    MessageDigest sha256 = sha256();
    long size = 0;
    int count = 0;
    try {
      // one chunk read ahead, to know which one is the last (that is bound into each chunk)
      byte[] current = content.readNBytes(CHUNK_BYTES);
      while (true) {
        size += current.length;
        if (size > maxBytes) {
          throw new TooLarge(maxBytes);
        }
        sha256.update(current);
        byte[] next = current.length < CHUNK_BYTES ? new byte[0] : content.readNBytes(CHUNK_BYTES);
        boolean last = next.length == 0;
        byte[] data = seal(key, applicant.value(), id, count, last, current);
        chunks.replaceOne(
            Filters.eq("_id", chunkId(id, count)),
            new Document("_id", chunkId(id, count)).append("data", new Binary(data)),
            new ReplaceOptions().upsert(true));
        count++;
        if (last) {
          break;
        }
        current = next;
      }
    } catch (IOException | RuntimeException e) { // too large, too: nothing is kept
      deleteChunks(id, count);
      throw e;
    }
    String hash = HexFormat.of().formatHex(sha256.digest());
    files.replaceOne(
        Filters.eq("_id", id.value()),
        new Document("_id", id.value())
            .append("subject", applicant.value())
            .append("kid", key.kid())
            .append("chunks", count)
            .append("size", size)
            .append("sha256", hash)
            .append("storedAt", Date.from(clock.instant())),
        new ReplaceOptions().upsert(true));
    afterWrite.run();
    return new Stored(size, hash);
  }

  @Override
  public InputStream open(AttachmentId id, CitizenId applicant) {
    Document file = file(id, applicant).orElseThrow(NotStored::new);
    String kid = file.getString("kid");
    SubjectKey key =
        keys.find(applicant.value(), kid)
            .orElseThrow(
                () ->
                    keys.erased(applicant.value(), kid)
                        ? new Erased()
                        : new PersonalDataKeyMissing(kid));
    int count = file.getInteger("chunks");
    return new Decrypting(id, applicant.value(), key, count);
  }

  @Override
  public boolean erased(AttachmentId id, CitizenId applicant) {
    return file(id, applicant)
        .map(
            file ->
                keys.find(applicant.value(), file.getString("kid")).isEmpty()
                    && keys.erased(applicant.value(), file.getString("kid")))
        .orElse(false);
  }

  @Override
  public void delete(AttachmentId id) {
    Optional<Document> file =
        Optional.ofNullable(files.find(Filters.eq("_id", id.value())).first());
    files.deleteOne(Filters.eq("_id", id.value()));
    deleteChunks(id, file.map(f -> f.getInteger("chunks")).orElse(0));
    afterWrite.run();
  }

  /**
   * Deletes the chunks of a file: at least {@code count}, and on while there are more (those of a
   * file whose record was never written are found by their ids alone).
   */
  private void deleteChunks(AttachmentId id, int count) {
    for (int i = 0; ; i++) {
      boolean gone = chunks.deleteOne(Filters.eq("_id", chunkId(id, i))).getDeletedCount() == 0;
      if (gone && i >= count) {
        break;
      }
    }
  }

  private Optional<Document> file(AttachmentId id, CitizenId applicant) {
    return Optional.ofNullable(files.find(Filters.eq("_id", id.value())).first())
        .filter(file -> applicant.value().equals(file.getString("subject")));
  }

  /** Decrypts chunk after chunk as it is read; the first when opened, so errors come early. */
  private final class Decrypting extends InputStream {
    private final AttachmentId id;
    private final String subject;
    private final SubjectKey key;
    private final int count;
    private int next;
    private byte[] buffer;
    private int position;

    Decrypting(AttachmentId id, String subject, SubjectKey key, int count) {
      this.id = id;
      this.subject = subject;
      this.key = key;
      this.count = count;
      this.buffer = count == 0 ? new byte[0] : chunk(0);
      this.next = 1;
    }

    private byte[] chunk(int index) {
      Document stored = chunks.find(Filters.eq("_id", chunkId(id, index))).first();
      if (stored == null) {
        throw new PersonalDataUnreadable(PersonalDataUnreadable.Problem.DAMAGED);
      }
      return open(
          key, subject, id, index, index == count - 1, stored.get("data", Binary.class).getData());
    }

    private boolean fill() {
      while (position == buffer.length) {
        if (next >= count) {
          return false;
        }
        buffer = chunk(next++);
        position = 0;
      }
      return true;
    }

    @Override
    public int read() {
      return fill() ? buffer[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(length, buffer.length - position);
      System.arraycopy(buffer, position, into, offset, n);
      position += n;
      return n;
    }
  }

  private byte[] seal(
      SubjectKey key, String subject, AttachmentId id, int index, boolean last, byte[] clear) {
    byte[] out = new byte[IV_BYTES + clear.length + TAG_BITS / 8];
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    System.arraycopy(iv, 0, out, 0, IV_BYTES);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(associatedData(subject, key.kid(), id, index, last));
      cipher.doFinal(clear, 0, clear.length, out, IV_BYTES);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A document could not be encrypted", e);
    }
  }

  private static byte[] open(
      SubjectKey key, String subject, AttachmentId id, int index, boolean last, byte[] in) {
    if (in.length < IV_BYTES + TAG_BITS / 8) {
      throw new PersonalDataUnreadable(PersonalDataUnreadable.Problem.DAMAGED);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      cipher.updateAAD(associatedData(subject, key.kid(), id, index, last));
      return cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
    } catch (AEADBadTagException e) {
      throw new PersonalDataUnreadable(PersonalDataUnreadable.Problem.NOT_AUTHENTIC);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A document could not be decrypted", e);
    }
  }

  /**
   * Format, subject, key id and attachment id (each after its length), the chunk's number and
   * whether it is the last.
   */
  private static byte[] associatedData(
      String subject, String kid, AttachmentId id, int index, boolean last) {
    byte[][] parts = {
      FORMAT.getBytes(StandardCharsets.US_ASCII),
      subject.getBytes(StandardCharsets.UTF_8),
      kid.getBytes(StandardCharsets.UTF_8),
      id.value().getBytes(StandardCharsets.UTF_8)
    };
    int length = 8;
    for (byte[] part : parts) {
      length += 4 + part.length;
    }
    ByteBuffer buffer = ByteBuffer.allocate(length);
    for (byte[] part : parts) {
      buffer.putInt(part.length).put(part);
    }
    return buffer.putInt(index).putInt(last ? 1 : 0).array();
  }

  private static String chunkId(AttachmentId id, int index) {
    return id.value() + "/" + String.format("%06d", index);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
