package de.rathaus.application.shared;

import java.time.Instant;
import java.util.Optional;

/**
 * What was answered to a request sent with an {@code Idempotency-Key}, so that sending it again (a
 * retry after a lost answer) gets the same answer instead of a second request. Records hold no
 * personal data: the key is a hash of caller and key, the body only as a fingerprint, the answer
 * only ids, case number, status and dates.
 */
public interface IdempotencyRecords {

  /**
   * Claims {@code key} for a first attempt. Empty: the caller owns the key now and must {@link
   * #complete} or {@link #release} it. Otherwise the record already there (its answer is null while
   * the first attempt is still running). Records older than {@code expiredBefore} count as absent,
   * and so do records without an answer claimed before {@code abandonedBefore} (the attempt that
   * claimed them died without answering).
   */
  Optional<Entry> claim(
      String key, String fingerprint, Instant now, Instant expiredBefore, Instant abandonedBefore);

  /** Stores the answer of the attempt that claimed {@code key}. */
  void complete(String key, String answer);

  /** Gives {@code key} up after a failed attempt, so that a retry may run. */
  void release(String key);

  /** A claimed key: the fingerprint of the body sent with it and, once given, the answer. */
  record Entry(String key, String fingerprint, String answer, Instant claimedAt) {}
}
