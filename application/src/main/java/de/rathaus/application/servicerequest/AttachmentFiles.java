package de.rathaus.application.servicerequest;

import de.rathaus.domain.servicerequest.AttachmentId;
import de.rathaus.domain.shared.CitizenId;
import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of attached documents are kept, encrypted under the applicant's key, so that
 * erasing the applicant makes them unreadable with the rest of their personal data. infra keeps
 * them in MongoDB.
 *
 * <p>The bytes are stored before the case records the document ({@code DocumentAttached}): a file
 * stored whose event was never appended is not referenced by any case, never served (downloads go
 * through the case's view), and unreadable once its applicant is erased; {@link #delete} removes it
 * when the case refused it.
 */
public interface AttachmentFiles {

  /**
   * Reads {@code content} to its end, storing it under {@code id} encrypted with the applicant's
   * current key; a file of this id stored before is replaced.
   *
   * @param maxBytes the most a file may have
   * @throws TooLarge once more than {@code maxBytes} were read; nothing is kept
   */
  Stored store(AttachmentId id, CitizenId applicant, InputStream content, long maxBytes)
      throws IOException;

  /**
   * The bytes of a stored file, decrypted as they are read (each piece is checked to be the one
   * written there, so an altered or reordered piece fails the read).
   *
   * @throws Erased if the applicant's key was destroyed by a recorded erasure
   * @throws NotStored if no file of this id and applicant is stored
   */
  InputStream open(AttachmentId id, CitizenId applicant);

  /** Whether the file is unreadable because its applicant's personal data was erased. */
  boolean erased(AttachmentId id, CitizenId applicant);

  /** Removes a stored file and its pieces; nothing if there is none. */
  void delete(AttachmentId id);

  /**
   * What was stored.
   *
   * @param size the number of bytes
   * @param sha256 the SHA-256 of the bytes (not of what is stored), in lower-case hex
   */
  record Stored(long size, String sha256) {}

  /** More bytes than allowed were sent. */
  final class TooLarge extends RuntimeException {
    private final long maxBytes;

    public TooLarge(long maxBytes) {
      super("The document has more than " + maxBytes + " bytes", null, false, false);
      this.maxBytes = maxBytes;
    }

    public long maxBytes() {
      return maxBytes;
    }
  }

  /** The file's applicant was erased: its key is destroyed, the bytes can never be read. */
  final class Erased extends RuntimeException {
    public Erased() {
      super("The document's applicant was erased", null, false, false);
    }
  }

  /** No file of this id is stored for this applicant. */
  final class NotStored extends RuntimeException {
    public NotStored() {
      super("No such document is stored", null, false, false);
    }
  }
}
