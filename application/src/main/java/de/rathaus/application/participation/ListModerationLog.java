package de.rathaus.application.participation;

import de.rathaus.application.shared.Page;
import de.rathaus.domain.participation.ConsultationId;

/**
 * Asks for a page of one consultation's moderation log, newest first.
 *
 * @param after the cursor of the previous page, or {@code null} for the first
 */
public record ListModerationLog(ConsultationId consultation, String after, int size) {

  public ListModerationLog {
    if (consultation == null) {
      throw new IllegalArgumentException("A consultation id is required");
    }
    Page.requireSize(size);
  }
}
