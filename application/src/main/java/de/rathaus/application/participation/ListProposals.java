package de.rathaus.application.participation;

import de.rathaus.application.shared.Page;
import de.rathaus.domain.participation.ConsultationId;

/**
 * Asks for a page of one consultation's proposals, newest first. (Sorting by supports comes with
 * the supports.)
 *
 * @param after the cursor of the previous page, or {@code null} for the first
 */
public record ListProposals(ConsultationId consultation, String after, int size) {

  public ListProposals {
    if (consultation == null) {
      throw new IllegalArgumentException("A consultation id is required");
    }
    Page.requireSize(size);
  }
}
