package de.rathaus.application.audit;

import java.util.List;

/**
 * A page of the audit trail and the cursor of the next one ({@code null} on the last page).
 *
 * @param items the entries, in the trail's order
 * @param next the cursor of the next page, or {@code null}
 */
public record AuditEventPage(List<AuditEvent> items, String next) {

  public AuditEventPage {
    items = List.copyOf(items);
  }
}
