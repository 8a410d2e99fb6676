package de.rathaus.application.catalogue;

import de.rathaus.application.shared.InMemoryViews;
import java.util.Comparator;
import java.util.List;

/** The public catalogue in memory (tests; views built on the fly from part of the history). */
public class InMemoryServiceViews extends InMemoryViews<ServiceView> implements ServiceViews {

  public InMemoryServiceViews() {
    super(ServiceView::code);
  }

  @Override
  public List<ServiceView> listPublished() {
    return all(v -> !v.retired(), Comparator.comparing(ServiceView::code));
  }
}
