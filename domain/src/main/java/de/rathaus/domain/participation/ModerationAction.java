package de.rathaus.domain.participation;

/** What a moderator does with a proposal or a comment: hide it from the public, or restore it. */
public enum ModerationAction {
  HIDE,
  RESTORE
}
