package de.rathaus.application.open311;

import de.rathaus.application.shared.Page;
import java.util.List;

/**
 * A page of API keys as {@link ListOpen311Keys} answers it.
 *
 * @param next the cursor of the next page, {@code null} on the last one
 */
public record Open311KeyPage(List<Open311KeyView> items, String next) {

  public Open311KeyPage {
    items = List.copyOf(items);
  }

  static Open311KeyPage of(Page<Open311KeyView> page) {
    return new Open311KeyPage(page.items(), page.next());
  }
}
