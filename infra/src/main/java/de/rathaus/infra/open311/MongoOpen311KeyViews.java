package de.rathaus.infra.open311;

import static de.rathaus.infra.shared.VersionedJsonViews.field;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.rathaus.application.open311.Open311KeyView;
import de.rathaus.application.open311.Open311KeyViews;
import de.rathaus.application.shared.Page;
import de.rathaus.infra.shared.StoredViews;
import de.rathaus.infra.shared.VersionedJsonViews;
import java.util.List;
import org.bson.Document;

/**
 * The Open311 API keys in MongoDB, one document per key keyed by its public id, so that the key
 * check is one lookup by {@code _id}. The list is ordered by the time of issue (epoch millis under
 * {@code q}) and id.
 */
public class MongoOpen311KeyViews extends StoredViews<Open311KeyView> implements Open311KeyViews {

  static final String COLLECTION = "open311_key_views";
  static final String ISSUED = "issued";

  static final List<IndexModel> INDEXES =
      List.of(
          new IndexModel(Indexes.ascending(field(ISSUED), "_id"), new IndexOptions().name("list")));

  public MongoOpen311KeyViews(MongoDatabase database, ObjectMapper json) {
    super(
        new VersionedJsonViews<>(
            database,
            COLLECTION,
            json,
            Open311KeyView.class,
            view -> view.id().value(),
            view -> new Document(ISSUED, view.issuedAt().toEpochMilli())));
    views.ensureIndexes(INDEXES);
  }

  @Override
  public Page<Open311KeyView> list(String after, int size) {
    Page.requireSize(size);
    return views.page(Filters.empty(), ISSUED, true, after, size);
  }
}
