package de.rathaus.application.servicerequest;

import de.rathaus.application.shared.InMemoryViews;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.servicerequest.RequestStatus;
import de.rathaus.domain.shared.CitizenId;
import java.util.Comparator;
import java.util.List;

/** The applicants' read model in memory (tests; views built on the fly from the history). */
public class InMemoryRequestViews extends InMemoryViews<RequestView> implements RequestViews {

  static final Comparator<RequestView> NEWEST_FIRST =
      Comparator.comparing(RequestView::submittedAt)
          .reversed()
          .thenComparing(v -> v.id().value(), Comparator.reverseOrder());

  public InMemoryRequestViews() {
    super(v -> v.id().value());
  }

  @Override
  public Page<RequestView> mine(ListMyRequests query) {
    return page(
        v -> v.applicant().equals(query.applicant()), NEWEST_FIRST, query.after(), query.size());
  }

  @Override
  public List<RequestView> allOf(CitizenId applicant) {
    return all(v -> v.applicant().equals(applicant), NEWEST_FIRST);
  }

  @Override
  public List<java.time.Instant> submittedSince(CitizenId applicant, java.time.Instant since) {
    return allOf(applicant).stream()
        .map(RequestView::submittedAt)
        .filter(at -> !at.isBefore(since))
        .sorted()
        .toList();
  }

  @Override
  public List<RequestView> listEnded() {
    return all(
        v -> v.status() == RequestStatus.CLOSED || v.status() == RequestStatus.WITHDRAWN,
        NEWEST_FIRST);
  }
}
