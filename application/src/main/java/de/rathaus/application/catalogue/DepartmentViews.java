package de.rathaus.application.catalogue;

import de.rathaus.application.shared.VersionedViews;
import java.util.List;

/** The read model of departments (keyed by their code); infra keeps it in MongoDB. */
public interface DepartmentViews extends VersionedViews<DepartmentView> {

  /** Every department, active and retired, ordered by code. */
  List<DepartmentView> list();
}
