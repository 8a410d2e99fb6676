package de.rathaus.infra.servicerequest;

import static de.rathaus.infra.shared.VersionedJsonViews.field;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.rathaus.application.servicerequest.ListMyRequests;
import de.rathaus.application.servicerequest.RequestView;
import de.rathaus.application.servicerequest.RequestViews;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.servicerequest.RequestStatus;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.infra.shared.StoredViews;
import de.rathaus.infra.shared.VersionedJsonViews;
import java.util.List;
import org.bson.Document;

/**
 * Requests as their applicants see them, one document per request keyed by its id, queried by the
 * applicant (newest first) and by whether the request ended (for retention).
 */
public class MongoRequestViews extends StoredViews<RequestView> implements RequestViews {

  static final String COLLECTION = "request_views";

  static final String APPLICANT = "applicant";
  static final String SUBMITTED = "submitted";
  static final String ENDED = "ended";

  /** What the applicant's list and the retention watch filter and sort by, on a real MongoDB. */
  static final List<IndexModel> INDEXES =
      List.of(
          new IndexModel(
              Indexes.compoundIndex(
                  Indexes.ascending(field(APPLICANT)), Indexes.descending(field(SUBMITTED), "_id")),
              new IndexOptions().name("mine")),
          new IndexModel(Indexes.ascending(field(ENDED)), new IndexOptions().name("ended")));

  public MongoRequestViews(MongoDatabase database, ObjectMapper json) {
    super(
        new VersionedJsonViews<>(
            database,
            COLLECTION,
            json,
            RequestView.class,
            v -> v.id().value(),
            MongoRequestViews::query));
    views.ensureIndexes(INDEXES);
  }

  static Document query(RequestView view) {
    return new Document(APPLICANT, view.applicant().value())
        .append(SUBMITTED, view.submittedAt().toEpochMilli())
        .append(
            ENDED,
            view.status() == RequestStatus.CLOSED || view.status() == RequestStatus.WITHDRAWN);
  }

  @Override
  public Page<RequestView> mine(ListMyRequests query) {
    return views.page(
        Filters.eq(field(APPLICANT), query.applicant().value()),
        SUBMITTED,
        false,
        query.after(),
        query.size());
  }

  @Override
  public List<RequestView> allOf(CitizenId applicant) {
    return views.where(
        Filters.eq(field(APPLICANT), applicant.value()), Sorts.descending(field(SUBMITTED), "_id"));
  }

  @Override
  public List<java.time.Instant> submittedSince(CitizenId applicant, java.time.Instant since) {
    return views
        .queryValuesWhere(
            Filters.and(
                Filters.eq(field(APPLICANT), applicant.value()),
                Filters.gte(field(SUBMITTED), since.toEpochMilli())),
            SUBMITTED)
        .stream()
        .map(java.time.Instant::ofEpochMilli)
        .sorted()
        .toList();
  }

  @Override
  public List<RequestView> listEnded() {
    return views.where(Filters.eq(field(ENDED), true), Sorts.ascending("_id"));
  }
}
