package de.rathaus.application.privacy;

import java.time.Instant;

/**
 * A citizen as data protection keeps track of them: whether the engine holds personal data of
 * theirs (written since their last erasure), and their erasures. It holds no personal data: the
 * citizen id is the pseudonymous one the events carry.
 *
 * @param holdsData whether personal data of theirs was written since their last erasure (their key
 *     must then exist)
 * @param erasures how many erasures are recorded
 * @param lastErasedAt when the last one was recorded (none yet: {@code null})
 * @param lastPosition the position of the last event applied ({@code -1} if unknown)
 */
public record PrivacySubject(
    String subject, boolean holdsData, int erasures, Instant lastErasedAt, long lastPosition) {

  /** A citizen whose first personal data was just written. */
  public static PrivacySubject holdingData(String subject, long position) {
    return new PrivacySubject(subject, true, 0, null, position);
  }

  /** A citizen erased before anything of theirs was seen (their data came before a rebuild). */
  public static PrivacySubject erasedOnly(String subject, Instant at, long position) {
    return new PrivacySubject(subject, false, 1, at, position);
  }

  /** The same citizen with new personal data written. */
  public PrivacySubject withData(long position) {
    return new PrivacySubject(subject, true, erasures, lastErasedAt, position);
  }

  /** The same citizen erased. */
  public PrivacySubject erased(Instant at, long position) {
    return new PrivacySubject(subject, false, erasures + 1, at, position);
  }

  /** Whether an event at {@code position} was applied already (a redelivery). */
  boolean applied(long position) {
    return position >= 0 && position <= lastPosition;
  }
}
