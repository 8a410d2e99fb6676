package de.rathaus.application.shared;

import java.time.Instant;

/**
 * What was answered to a request sent with an {@code Idempotency-Key}, so that sending it again (a
 * retry after a lost answer) gets the same answer instead of a second request. Records hold no
 * personal data: the key is a hash of caller and key, the body only as a fingerprint, the answer
 * only ids, case number, status and dates.
 *
 * <p>A record has an identity that stays the same while the key lives (until it expires), from
 * which the request it stands for derives its id: an attempt that takes over from one that died
 * makes the same request, which the store refuses as a duplicate. Each attempt holds the record
 * under an attempt token of its own, and every change of the record is conditional on it, so an
 * attempt that was taken over can no longer change it.
 */
public interface IdempotencyRecords {

  /**
   * Claims {@code key} for an attempt. Records created before {@code expiredBefore} count as absent
   * (the key starts anew, with a new identity); a record held by an attempt that started before
   * {@code abandonedBefore} without answering, or that was suspended, is taken over (with its
   * identity).
   *
   * @param attempt the token of this attempt
   */
  Claim claim(
      String key,
      String fingerprint,
      String attempt,
      Instant now,
      Instant expiredBefore,
      Instant abandonedBefore);

  /** Stores the answer, if {@code attempt} still holds the key; answers whether it did. */
  boolean complete(String key, String attempt, String answer);

  /**
   * Gives the key up after an attempt that certainly stored nothing (refused input), so that a
   * corrected retry may use it; only if {@code attempt} still holds it.
   */
  void release(String key, String attempt);

  /**
   * Leaves the key open for a retry after an attempt whose outcome is not known (it may have been
   * stored): the record keeps its identity, so the retry makes the same request and finds it if it
   * was stored; only if {@code attempt} still holds it.
   */
  void suspend(String key, String attempt);

  /**
   * The result of a claim.
   *
   * @param owned whether the asking attempt holds the key now and must run
   * @param identity the record's identity (from which the request's id is derived)
   * @param fingerprint the fingerprint of the body first sent with the key
   * @param answer the stored answer, if the request was answered ({@code null} otherwise)
   */
  record Claim(boolean owned, String identity, String fingerprint, String answer) {}
}
