package de.rathaus.application.participation;

import de.rathaus.application.shared.InMemoryViews;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.shared.CitizenId;
import java.util.Comparator;
import java.util.List;

/** The proposals in memory (tests; views built on the fly from part of the history). */
public class InMemoryProposalViews extends InMemoryViews<ProposalView> implements ProposalViews {

  static final Comparator<ProposalView> NEWEST_FIRST =
      Comparator.comparing(ProposalView::submittedAt).thenComparing(v -> v.id().value()).reversed();

  static final Comparator<ProposalView> MOST_SUPPORTED_FIRST =
      Comparator.comparingLong((ProposalView v) -> v.tally().supports())
          .thenComparing(v -> v.id().value())
          .reversed();

  public InMemoryProposalViews() {
    super(v -> v.id().value());
  }

  @Override
  public Page<ProposalView> list(ListProposals query) {
    return page(
        v -> v.consultation().equals(query.consultation()) && !v.hidden(),
        query.order() == ListProposals.Order.SUPPORTS ? MOST_SUPPORTED_FIRST : NEWEST_FIRST,
        query.after(),
        query.size());
  }

  @Override
  public List<ProposalView> all(ConsultationId consultation) {
    return all(v -> v.consultation().equals(consultation), NEWEST_FIRST);
  }

  @Override
  public List<ProposalView> allBy(CitizenId author) {
    return all(v -> v.author().equals(author), NEWEST_FIRST);
  }

  @Override
  public synchronized boolean replaceTally(ProposalView next, ProposalView previous) {
    java.util.Optional<ProposalView> current = find(previous.id().value());
    if (current.isEmpty() || current.get().tally().applied() != previous.tally().applied()) {
      return false;
    }
    return replace(next, previous.sequence());
  }

  @Override
  public List<ProposalView> commentedOnBy(CitizenId commenter) {
    return all(
        v -> v.comments().stream().anyMatch(c -> c.author().equals(commenter)), NEWEST_FIRST);
  }
}
