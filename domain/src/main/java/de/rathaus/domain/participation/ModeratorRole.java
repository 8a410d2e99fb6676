package de.rathaus.domain.participation;

/**
 * In which role someone moderated: public in the moderation log (who it was is not; that stays in
 * the event's metadata for auditors).
 */
public enum ModeratorRole {
  MODERATOR,
  ADMIN
}
