package de.rathaus.application.catalogue;

import de.rathaus.application.shared.InMemoryViews;
import java.util.Comparator;
import java.util.List;

/** The departments in memory (tests; views built on the fly from part of the history). */
public class InMemoryDepartmentViews extends InMemoryViews<DepartmentView>
    implements DepartmentViews {

  public InMemoryDepartmentViews() {
    super(v -> v.code().value());
  }

  @Override
  public List<DepartmentView> list() {
    return all(v -> true, Comparator.comparing(v -> v.code().value()));
  }
}
