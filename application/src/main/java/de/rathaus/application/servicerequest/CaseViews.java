package de.rathaus.application.servicerequest;

import java.util.List;
import java.util.Optional;

/** The clerks' read model of cases; infra keeps it in MongoDB. */
public interface CaseViews {

  void save(CaseView view);

  Optional<CaseView> find(String id);

  /** The cases a department handles now, oldest due date first. */
  List<CaseView> listByDepartment(String department);

  /**
   * Cases whose deadline clock is running (submitted or in progress) and that are not flagged
   * overdue yet, of every department: what the deadline watch looks at.
   */
  List<CaseView> listRunningNotOverdue();

  void clear();
}
