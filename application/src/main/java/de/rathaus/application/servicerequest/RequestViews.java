package de.rathaus.application.servicerequest;

import de.rathaus.application.shared.Page;
import de.rathaus.application.shared.VersionedViews;
import de.rathaus.domain.shared.CitizenId;
import java.util.List;

/** The read model of requests as their applicants see them; infra keeps it in MongoDB. */
public interface RequestViews extends VersionedViews<RequestView> {

  /** A page of the applicant's requests, newest first. */
  Page<RequestView> mine(ListMyRequests query);

  /** Every request of the applicant, newest first: what their data export holds. */
  List<RequestView> allOf(CitizenId applicant);

  /**
   * When the applicant's requests submitted at or after {@code since} were submitted, oldest first:
   * what the submission limit counts (nothing is decrypted).
   */
  List<java.time.Instant> submittedSince(CitizenId applicant, java.time.Instant since);

  /** Requests that ended (closed or withdrawn), of every applicant: what retention looks at. */
  List<RequestView> listEnded();
}
