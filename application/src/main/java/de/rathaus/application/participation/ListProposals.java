package de.rathaus.application.participation;

import de.rathaus.application.shared.Page;
import de.rathaus.domain.participation.ConsultationId;

/**
 * Asks for a page of one consultation's proposals, newest first or most supported first.
 *
 * @param after the cursor of the previous page, or {@code null} for the first
 * @param order how they are ordered
 */
public record ListProposals(ConsultationId consultation, String after, int size, Order order) {

  /** How a consultation's proposals are ordered; each ends with the id, so that it is total. */
  public enum Order {
    /** Newest first (then by id, descending). */
    NEWEST,
    /** Most supported first (then by id, descending). */
    SUPPORTS
  }

  public ListProposals {
    if (consultation == null || order == null) {
      throw new IllegalArgumentException("A consultation id and an order are required");
    }
    Page.requireSize(size);
  }

  /** Newest first. */
  public ListProposals(ConsultationId consultation, String after, int size) {
    this(consultation, after, size, Order.NEWEST);
  }
}
