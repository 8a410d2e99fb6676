package de.rathaus.infra.participation;

import static de.rathaus.infra.shared.VersionedJsonViews.field;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.rathaus.application.participation.ListProposals;
import de.rathaus.application.participation.ProposalView;
import de.rathaus.application.participation.ProposalViews;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.infra.shared.StoredViews;
import de.rathaus.infra.shared.VersionedJsonViews;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The proposals in MongoDB, one document per proposal, its personal parts encrypted under the
 * author's key. A consultation's list is queried by the plain fields under {@code q}: the
 * consultation's id, the submission date (epoch millis) and the number of supports (the lists'
 * orders), whether moderation hid it (a hidden one leaves the list), how many support and rating
 * events its tally applied (its writes are conditional on it); and the author's pseudonymous id, by
 * which the citizen's own data is exported (nothing public lists a citizen's proposals).
 */
public class MongoProposalViews extends StoredViews<ProposalView> implements ProposalViews {

  static final String COLLECTION = "proposal_views";

  static final String CONSULTATION = "consultation";
  static final String SUBMITTED = "submitted";
  static final String AUTHOR = "author";
  static final String COMMENTERS = "commenters";
  static final String HIDDEN = "hidden";
  static final String SUPPORTS = "supports";
  static final String TALLIED = "tallied";

  /** What a consultation's list filters and sorts by, on a real MongoDB. */
  static final List<IndexModel> INDEXES =
      List.of(
          new IndexModel(
              Indexes.compoundIndex(
                  Indexes.ascending(field(CONSULTATION)),
                  Indexes.descending(field(SUBMITTED), "_id")),
              new IndexOptions().name("newest")),
          new IndexModel(
              Indexes.compoundIndex(
                  Indexes.ascending(field(CONSULTATION)),
                  Indexes.descending(field(SUPPORTS), "_id")),
              new IndexOptions().name("supports")),
          new IndexModel(Indexes.ascending(field(AUTHOR)), new IndexOptions().name("by_author")),
          new IndexModel(
              Indexes.ascending(field(COMMENTERS)), new IndexOptions().name("by_commenter")));

  /**
   * Per consultation and page size: the supports of the proposal after the first page by supports
   * when it was last read (see {@link #list}).
   */
  private final Map<String, Long> firstPageBounds = new ConcurrentHashMap<>();

  public MongoProposalViews(MongoDatabase database, ObjectMapper json) {
    super(
        new VersionedJsonViews<>(
            database,
            COLLECTION,
            json,
            ProposalView.class,
            v -> v.id().value(),
            MongoProposalViews::query));
    views.ensureIndexes(INDEXES);
  }

  static Document query(ProposalView view) {
    return new Document(CONSULTATION, view.consultation().value())
        .append(SUBMITTED, view.submittedAt().toEpochMilli())
        .append(AUTHOR, view.author().value())
        .append(
            COMMENTERS, view.comments().stream().map(c -> c.author().value()).distinct().toList())
        .append(HIDDEN, view.hidden())
        .append(SUPPORTS, view.tally().supports())
        .append(TALLIED, view.tally().applied());
  }

  /**
   * A consultation's proposals, newest or most supported first. The embedded server builds no
   * secondary index, so a query scans the collection and sorts every match in memory; the first
   * page by supports (the one read most) is therefore looked for among the proposals with at least
   * as many supports as the record after that page had when it was last read (a bound kept per
   * consultation and page size, in this instance's memory). That is exact whenever more than a page
   * of proposals is at or above the bound: every other proposal has fewer supports and comes after
   * them; otherwise the page is read without the bound, which sets the bound anew. On a real
   * MongoDB the index {@code supports} serves filter, order and cursor either way.
   */
  @Override
  public Page<ProposalView> list(ListProposals query) {
    Bson consultation =
        Filters.and(
            Filters.eq(field(CONSULTATION), query.consultation().value()),
            // a hidden proposal leaves the public list (a record stored before has no flag)
            Filters.ne(field(HIDDEN), true));
    if (query.order() != ListProposals.Order.SUPPORTS) {
      return views.page(consultation, SUBMITTED, false, query.after(), query.size());
    }
    if (query.after() != null) {
      return views.page(consultation, SUPPORTS, false, query.after(), query.size());
    }
    String page = query.consultation().value() + "/" + query.size();
    LongConsumer keep = following -> firstPageBounds.put(page, following);
    Long bound = firstPageBounds.get(page);
    if (bound != null) {
      Page<ProposalView> above =
          views.page(
              // the bound first: the embedded server tries the conditions in order, and the bound
              // rules out most records of every consultation at once
              Filters.and(Filters.gte(field(SUPPORTS), bound), consultation),
              SUPPORTS,
              false,
              null,
              query.size(),
              keep);
      if (above.next() != null) {
        return above;
      }
    }
    firstPageBounds.remove(page);
    return views.page(consultation, SUPPORTS, false, null, query.size(), keep);
  }

  @Override
  public List<ProposalView> all(ConsultationId consultation) {
    return views.where(Filters.eq(field(CONSULTATION), consultation.value()), null);
  }

  @Override
  public List<ProposalView> allBy(CitizenId author) {
    return views.where(
        Filters.eq(field(AUTHOR), author.value()), Sorts.descending(field(SUBMITTED), "_id"));
  }

  /**
   * A change of the proposal's own (an edit, a comment, an answer) keeps the tally it was computed
   * from: it is written only over a record whose tally is still that one, so a worker that lost its
   * claim cannot write a count back that the new owner moved on meanwhile.
   */
  @Override
  public boolean replace(ProposalView view, long previousSequence) {
    return views.replace(
        view, previousSequence, Filters.eq(field(TALLIED), view.tally().applied()));
  }

  @Override
  public boolean replaceTally(ProposalView next, ProposalView previous) {
    return views.replace(
        next, previous.sequence(), Filters.eq(field(TALLIED), previous.tally().applied()));
  }

  @Override
  public List<ProposalView> commentedOnBy(CitizenId commenter) {
    return views.where(
        Filters.eq(field(COMMENTERS), commenter.value()),
        Sorts.descending(field(SUBMITTED), "_id"));
  }
}
