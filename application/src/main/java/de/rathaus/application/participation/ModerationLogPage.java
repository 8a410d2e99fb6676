package de.rathaus.application.participation;

import java.util.List;

/**
 * The answer to {@link ListModerationLog}: a page of entries and the cursor of the next page
 * ({@code null} on the last). A record of its own, as a query's answer type must be a class.
 */
public record ModerationLogPage(List<ModerationLogEntry> items, String next) {

  public ModerationLogPage {
    items = List.copyOf(items);
  }
}
