package de.rathaus.application.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * Asks for a page of the audit trail. Every filter is optional; the events listed have all the
 * given ones.
 *
 * @param aggregate the aggregate id
 * @param aggregateType the aggregate's type ({@code ServiceRequest}, {@code Proposal}, ...)
 * @param type the event type, its simple name ({@code CaseAssigned}); a full name is read as its
 *     simple name
 * @param actor the actor id recorded in the metadata
 * @param department the department recorded in the metadata
 * @param correlationId the correlation id recorded in the metadata
 * @param about a proposal: the support and rating events about it
 * @param from only events recorded at or after this instant
 * @param to only events recorded at or before this instant
 * @param after only events after this global position (ignored with a cursor)
 * @param cursor the cursor of the page before, or {@code null} for the first page
 * @param size the page size, 1 to 500
 * @param disclosure how personal values are shown
 */
public record ListAuditEvents(
    String aggregate,
    String aggregateType,
    String type,
    String actor,
    String department,
    String correlationId,
    String about,
    Instant from,
    Instant to,
    Long after,
    String cursor,
    int size,
    Disclosure disclosure) {

  public ListAuditEvents {
    Objects.requireNonNull(disclosure, "disclosure");
    if (type != null) {
      type = type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
    }
  }
}
