package de.rathaus.infra.catalogue;

import static de.rathaus.infra.shared.VersionedJsonViews.field;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.application.catalogue.ServiceViews;
import de.rathaus.infra.shared.StoredViews;
import de.rathaus.infra.shared.VersionedJsonViews;
import java.util.List;
import org.bson.Document;

/**
 * The public catalogue in MongoDB, one document per service keyed by its code. Small enough (tens
 * of services) that listing reads the whole collection.
 */
public class MongoServiceViews extends StoredViews<ServiceView> implements ServiceViews {

  static final String COLLECTION = "service_views";
  static final String RETIRED = "retired";

  public MongoServiceViews(MongoDatabase database, ObjectMapper json) {
    super(
        new VersionedJsonViews<>(
            database,
            COLLECTION,
            json,
            ServiceView.class,
            ServiceView::code,
            view -> new Document(RETIRED, view.retired())));
  }

  @Override
  public List<ServiceView> listPublished() {
    return views.where(Filters.eq(field(RETIRED), false), Sorts.ascending("_id"));
  }
}
