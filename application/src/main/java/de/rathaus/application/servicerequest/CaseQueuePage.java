package de.rathaus.application.servicerequest;

import de.rathaus.application.shared.Page;
import java.util.List;

/**
 * A page of a department's queue, as the query answers it (a query's answer needs a concrete type:
 * Axon matches answers by class).
 */
public record CaseQueuePage(List<CaseView> items, String next) {

  public CaseQueuePage {
    items = List.copyOf(items);
  }

  static CaseQueuePage of(Page<CaseView> page) {
    return new CaseQueuePage(page.items(), page.next());
  }
}
