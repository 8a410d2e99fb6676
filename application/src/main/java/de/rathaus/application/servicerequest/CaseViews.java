package de.rathaus.application.servicerequest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The clerks' read model of cases; infra keeps it in MongoDB. */
public interface CaseViews {

  void save(CaseView view);

  Optional<CaseView> find(String id);

  /** The cases a department handles now, oldest due date first. */
  List<CaseView> listByDepartment(String department);

  /**
   * The ids of cases whose deadline clock is running (submitted or in progress), that are not
   * flagged overdue yet and whose due date is before {@code now}, of every department: what the
   * deadline watch flags. Only ids: the watch needs nothing else, so nothing is decrypted.
   */
  List<String> idsRunningAndDueBefore(Instant now);

  void clear();
}
