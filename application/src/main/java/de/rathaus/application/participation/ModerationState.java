package de.rathaus.application.participation;

import java.time.Instant;

/**
 * Whether a proposal is hidden by moderation, and the public reason and time of its last moderation
 * (hiding or restoring). Nothing about who moderated.
 *
 * @param reason the last moderation's public reason, or {@code null} if never moderated
 * @param at when it was last moderated, or {@code null}
 */
public record ModerationState(boolean hidden, String reason, Instant at) {

  /** Never moderated. */
  public static final ModerationState NONE = new ModerationState(false, null, null);
}
