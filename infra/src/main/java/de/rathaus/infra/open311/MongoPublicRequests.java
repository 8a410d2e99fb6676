package de.rathaus.infra.open311;

import static de.rathaus.infra.shared.VersionedJsonViews.field;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.rathaus.application.open311.ListPublicRequests;
import de.rathaus.application.open311.PublicRequestView;
import de.rathaus.application.open311.PublicRequests;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.infra.shared.StoredViews;
import de.rathaus.infra.shared.VersionedJsonViews;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Open311's public requests in MongoDB, one document per request keyed by its id, found by case
 * number (a unique index: an equality the embedded server serves from its index too) and listed by
 * service, state and submission time (a scan on the embedded server, index-backed on a real
 * MongoDB). The subject is stored as a query field only to find a citizen's published descriptions
 * when their data is erased.
 */
public class MongoPublicRequests extends StoredViews<PublicRequestView> implements PublicRequests {

  static final String COLLECTION = "open311_requests";

  static final String CASE_NUMBER = "caseNumber";
  static final String SERVICE = "service";
  static final String OPEN = "open";
  static final String REQUESTED = "requested";
  static final String SUBJECT = "subject";

  static final List<IndexModel> INDEXES =
      List.of(
          new IndexModel(
              Indexes.ascending(field(CASE_NUMBER)),
              new IndexOptions().name("case-number").unique(true)),
          new IndexModel(
              Indexes.descending(field(REQUESTED), "_id"), new IndexOptions().name("requested")),
          new IndexModel(Indexes.ascending(field(SUBJECT)), new IndexOptions().name("subject")));

  public MongoPublicRequests(MongoDatabase database, ObjectMapper json) {
    super(
        new VersionedJsonViews<>(
            database,
            COLLECTION,
            json,
            PublicRequestView.class,
            PublicRequestView::id,
            MongoPublicRequests::query));
    views.ensureIndexes(INDEXES);
  }

  static Document query(PublicRequestView view) {
    return new Document(CASE_NUMBER, view.caseNumber())
        .append(SERVICE, view.serviceCode())
        .append(OPEN, view.open())
        .append(REQUESTED, view.requestedAt().toEpochMilli())
        .append(SUBJECT, view.subject() == null ? null : view.subject().value());
  }

  @Override
  public Optional<PublicRequestView> byCaseNumber(String caseNumber) {
    return views.where(Filters.eq(field(CASE_NUMBER), caseNumber), Sorts.ascending("_id")).stream()
        .findFirst();
  }

  @Override
  public List<PublicRequestView> list(ListPublicRequests query) {
    Bson filter;
    if (!query.caseNumbers().isEmpty()) {
      filter = Filters.in(field(CASE_NUMBER), query.caseNumbers());
    } else {
      List<Bson> all = new ArrayList<>();
      all.add(Filters.gte(field(REQUESTED), query.from().toEpochMilli()));
      all.add(Filters.lte(field(REQUESTED), query.to().toEpochMilli()));
      if (!query.serviceCodes().isEmpty()) {
        all.add(Filters.in(field(SERVICE), query.serviceCodes()));
      }
      if (query.open() != null) {
        all.add(Filters.eq(field(OPEN), query.open()));
      }
      filter = Filters.and(all);
    }
    return views.where(filter, Sorts.descending(field(REQUESTED), "_id")).stream()
        .limit(query.limit())
        .toList();
  }

  @Override
  public List<PublicRequestView> bySubject(CitizenId subject) {
    return views.where(Filters.eq(field(SUBJECT), subject.value()), Sorts.ascending("_id"));
  }
}
