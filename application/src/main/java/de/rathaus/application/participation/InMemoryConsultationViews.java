package de.rathaus.application.participation;

import de.rathaus.application.shared.InMemoryViews;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.participation.ConsultationId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The consultations in memory (tests; views built on the fly from part of the history). */
public class InMemoryConsultationViews extends InMemoryViews<ConsultationView>
    implements ConsultationViews {

  static final Comparator<ConsultationView> NEWEST_OPENING_FIRST =
      Comparator.comparing((ConsultationView v) -> v.content().opensAt())
          .thenComparing(v -> v.id().value())
          .reversed();

  public InMemoryConsultationViews() {
    super(v -> v.id().value());
  }

  @Override
  public Page<ConsultationView> list(ListConsultations query) {
    return page(query::matches, NEWEST_OPENING_FIRST, query.after(), query.size());
  }

  @Override
  public List<ConsultationId> idsDueBy(Instant now) {
    return all(
            v -> v.nextMoveAt() != null && !v.nextMoveAt().isAfter(now),
            Comparator.comparing(ConsultationView::nextMoveAt))
        .stream()
        .map(ConsultationView::id)
        .toList();
  }
}
