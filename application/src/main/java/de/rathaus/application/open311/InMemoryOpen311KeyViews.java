package de.rathaus.application.open311;

import de.rathaus.application.shared.InMemoryViews;
import de.rathaus.application.shared.Page;
import java.util.Comparator;

/** The Open311 API keys in memory (tests). */
public class InMemoryOpen311KeyViews extends InMemoryViews<Open311KeyView>
    implements Open311KeyViews {

  private static final Comparator<Open311KeyView> OLDEST_FIRST =
      Comparator.comparing(Open311KeyView::issuedAt).thenComparing(v -> v.id().value());

  public InMemoryOpen311KeyViews() {
    super(v -> v.id().value());
  }

  @Override
  public Page<Open311KeyView> list(String after, int size) {
    Page.requireSize(size);
    return page(v -> true, OLDEST_FIRST, after, size);
  }
}
