package de.rathaus.application.participation;

import de.rathaus.application.shared.InMemoryViews;
import de.rathaus.application.shared.Page;
import java.util.Comparator;

/** The moderation log in memory (tests). */
public class InMemoryModerationLog extends InMemoryViews<ModerationLogEntry>
    implements ModerationLog {

  static final Comparator<ModerationLogEntry> NEWEST_FIRST =
      Comparator.comparing(ModerationLogEntry::at).thenComparing(ModerationLogEntry::id).reversed();

  public InMemoryModerationLog() {
    super(ModerationLogEntry::id);
  }

  @Override
  public Page<ModerationLogEntry> list(ListModerationLog query) {
    return page(
        e -> e.consultation().equals(query.consultation()),
        NEWEST_FIRST,
        query.after(),
        query.size());
  }
}
