package de.rathaus.application.privacy;

import de.rathaus.application.shared.Page;
import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import java.util.List;

/**
 * Who read a citizen's personal data (DSGVO Art. 15: the recipients of their data); infra keeps it
 * in MongoDB. Not a read model: reads are no events, so the log cannot be rebuilt from the history
 * and is written durably as it happens ({@link AccessRecorder}). Entries hold ids only and are
 * deleted when the citizen's personal data is erased (on request or when retention ends).
 */
public interface AccessLog {

  /** Stores the entries (a batch); an entry whose id is stored already is not stored twice. */
  void append(List<AccessEntry> entries);

  /**
   * A page of entries, newest first.
   *
   * @param subject only the entries of this citizen, or {@code null} for everyone's
   * @param requestId only the entries of this request, or {@code null}
   * @param after the cursor of the previous page, or {@code null}
   */
  Page<AccessEntry> page(CitizenId subject, String requestId, String after, int size);

  /**
   * Deletes the citizen's entries recorded at or before {@code upTo} (their erasure); doing it
   * again deletes nothing more. Answers how many were deleted.
   */
  long forget(CitizenId subject, Instant upTo);
}
