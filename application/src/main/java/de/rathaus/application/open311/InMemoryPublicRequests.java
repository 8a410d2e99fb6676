package de.rathaus.application.open311;

import de.rathaus.application.shared.InMemoryViews;
import de.rathaus.domain.shared.CitizenId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Open311's public requests in memory (tests). */
public class InMemoryPublicRequests extends InMemoryViews<PublicRequestView>
    implements PublicRequests {

  public InMemoryPublicRequests() {
    super(PublicRequestView::id);
  }

  @Override
  public Optional<PublicRequestView> byCaseNumber(String caseNumber) {
    return all(v -> v.caseNumber().equals(caseNumber), Comparator.comparing(PublicRequestView::id))
        .stream()
        .findFirst();
  }

  @Override
  public List<PublicRequestView> list(ListPublicRequests query) {
    return all(
            query::matches,
            Comparator.comparing(PublicRequestView::requestedAt)
                .reversed()
                .thenComparing(PublicRequestView::id))
        .stream()
        .limit(query.limit())
        .toList();
  }

  @Override
  public List<PublicRequestView> bySubject(CitizenId subject) {
    return all(v -> subject.equals(v.subject()), Comparator.comparing(PublicRequestView::id));
  }
}
