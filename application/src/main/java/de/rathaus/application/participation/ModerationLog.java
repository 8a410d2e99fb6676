package de.rathaus.application.participation;

import de.rathaus.application.shared.Page;
import de.rathaus.application.shared.VersionedViews;

/**
 * The read model of the public moderation log (one record per entry); infra keeps it in MongoDB.
 */
public interface ModerationLog extends VersionedViews<ModerationLogEntry> {

  /** A page of a consultation's entries, newest first (then by id, descending). */
  Page<ModerationLogEntry> list(ListModerationLog query);
}
