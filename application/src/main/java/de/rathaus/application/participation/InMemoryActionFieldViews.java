package de.rathaus.application.participation;

import de.rathaus.application.shared.InMemoryViews;
import java.util.Comparator;
import java.util.List;

/** The action fields in memory (tests; views built on the fly from part of the history). */
public class InMemoryActionFieldViews extends InMemoryViews<ActionFieldView>
    implements ActionFieldViews {

  public InMemoryActionFieldViews() {
    super(v -> v.code().value());
  }

  @Override
  public List<ActionFieldView> list() {
    return all(v -> true, Comparator.comparing(v -> v.code().value()));
  }
}
