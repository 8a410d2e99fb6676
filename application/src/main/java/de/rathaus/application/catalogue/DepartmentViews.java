package de.rathaus.application.catalogue;

import de.rathaus.domain.shared.DepartmentCode;
import java.util.List;
import java.util.Optional;

/** The read model of departments; infra keeps it in MongoDB. */
public interface DepartmentViews {

  void save(DepartmentView view);

  Optional<DepartmentView> find(DepartmentCode code);

  /** Every department, active and retired, ordered by code. */
  List<DepartmentView> list();

  /** Empties the read model before it is rebuilt from the history. */
  void clear();
}
