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
 * under an attempt token of its own (which names its instance), and every change of the record is
 * conditional on it, so an attempt that was taken over can no longer change it.
 *
 * <p>While an attempt runs, its instance renews its lease: a counter in the record that only grows.
 * Whether a holder died is never judged from stored times (they come from another instance's
 * clock): an instance that has seen the same holder with the same counter for longer than the
 * lease, on its own monotonic clock, takes the record over, conditional on both being unchanged.
 */
public interface IdempotencyRecords {

  /**
   * Claims {@code key} for an attempt. Records created before {@code expiredBefore} count as absent
   * (the key starts anew, with a new identity); a record that was suspended is taken over at once
   * (with its identity). A record held by another attempt is answered as it is, with its holder and
   * lease counter.
   *
   * @param attempt the token of this attempt
   */
  Claim claim(String key, String fingerprint, String attempt, Instant now, Instant expiredBefore);

  /**
   * Takes the key over from {@code holder}, only if the record still has this identity, is still
   * held by {@code holder} at lease counter {@code renewals}, and has no answer: the claim as it is
   * then (owned if taken over). {@code now} is recorded for the operator only.
   */
  Claim takeOver(
      String key, String identity, String holder, long renewals, String attempt, Instant now);

  /**
   * Renews the lease of {@code attempt} (its counter grows by one), if it still holds the key;
   * answers whether it did.
   */
  boolean renew(String key, String attempt);

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
   * @param holder the token of the attempt that holds the key ({@code null} if none)
   * @param renewals the holder's lease counter
   */
  record Claim(
      boolean owned,
      String identity,
      String fingerprint,
      String answer,
      String holder,
      long renewals) {}
}
