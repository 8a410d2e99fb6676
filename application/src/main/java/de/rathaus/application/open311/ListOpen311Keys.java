package de.rathaus.application.open311;

import de.rathaus.application.shared.Page;

/**
 * Asks for a page of the API keys, valid and revoked, oldest issued first.
 *
 * @param after the cursor of the previous page, {@code null} for the first
 * @param size how many, 1 to {@value Page#MAX_SIZE}
 */
public record ListOpen311Keys(String after, int size) {

  public ListOpen311Keys {
    Page.requireSize(size);
  }
}
