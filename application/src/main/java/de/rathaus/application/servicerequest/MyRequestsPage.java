package de.rathaus.application.servicerequest;

import de.rathaus.application.shared.Page;
import java.util.List;

/**
 * A page of an applicant's requests, as the query answers it (a query's answer needs a concrete
 * type: Axon matches answers by class).
 */
public record MyRequestsPage(List<RequestView> items, String next) {

  public MyRequestsPage {
    items = List.copyOf(items);
  }

  static MyRequestsPage of(Page<RequestView> page) {
    return new MyRequestsPage(page.items(), page.next());
  }
}
