package de.rathaus.application.servicerequest;

import java.util.List;
import java.util.Optional;

/** The read model of requests as their applicants see them; infra keeps it in MongoDB. */
public interface RequestViews {

  void save(RequestView view);

  Optional<RequestView> find(String id);

  /** The applicant's requests, newest first. */
  List<RequestView> listByApplicant(String applicant);

  /** Requests that ended (closed or withdrawn), of every applicant: what retention looks at. */
  List<RequestView> listEnded();

  void clear();
}
