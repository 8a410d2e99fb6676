package de.rathaus.application.shared;

import org.axonframework.eventhandling.TrackingToken;

/**
 * Whether a processor at one token has been given every event that one at another token was given
 * (most often the other is the store's head: every event stored when it was read). Axon's {@link
 * TrackingToken#covers} answers a stricter question, which a processor that has everything can fail
 * for good: the store's adapter knows which of a token's gaps hold no event any more and answers
 * this one.
 */
@FunctionalInterface
public interface EventCoverage {

  /** Axon's own comparison of the tokens, for a store that knows no better. */
  EventCoverage TOKENS = (token, other) -> other == null || (token != null && token.covers(other));

  /**
   * Whether {@code token} has every event {@code other} has; {@code null} is the token before the
   * first event.
   */
  boolean hasEverythingOf(TrackingToken token, TrackingToken other);
}
