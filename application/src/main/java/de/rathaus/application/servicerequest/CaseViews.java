package de.rathaus.application.servicerequest;

import de.rathaus.application.shared.Page;
import de.rathaus.application.shared.VersionedViews;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import java.util.List;

/** The clerks' read model of cases; infra keeps it in MongoDB. */
public interface CaseViews extends VersionedViews<CaseView> {

  /** A page of a department's work queue, oldest due date first, filtered as asked. */
  Page<CaseView> queue(ListCases query);

  /**
   * Deletes the name index of the applicant's cases (their personal data was erased): no search by
   * their name finds their cases any more.
   */
  void forgetApplicantNames(CitizenId applicant);

  /**
   * The ids of cases whose deadline clock is running (submitted or in progress), that are not
   * flagged overdue yet and whose due date is before {@code now}, of every department: what the
   * deadline watch flags. Only ids: the watch needs nothing else, so nothing is decrypted.
   */
  List<ServiceRequestId> idsRunningAndDueBefore(Instant now);

  /**
   * The ids of cases waiting for an answer whose answer date is before {@code now} and not flagged
   * yet: what the deadline watch flags as answers overdue.
   */
  List<ServiceRequestId> idsWaitingWithAnswerDueBefore(Instant now);
}
