package de.rathaus.infra.participation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import de.rathaus.application.participation.ActionFieldView;
import de.rathaus.application.participation.ActionFieldViews;
import de.rathaus.infra.shared.StoredViews;
import de.rathaus.infra.shared.VersionedJsonViews;
import java.util.List;
import org.bson.Document;

/**
 * The action fields in MongoDB, one document per field keyed by its code. A strategy has a dozen or
 * so, so listing reads the whole collection.
 */
public class MongoActionFieldViews extends StoredViews<ActionFieldView>
    implements ActionFieldViews {

  static final String COLLECTION = "action_field_views";

  public MongoActionFieldViews(MongoDatabase database, ObjectMapper json) {
    super(
        new VersionedJsonViews<>(
            database,
            COLLECTION,
            json,
            ActionFieldView.class,
            view -> view.code().value(),
            view -> new Document()));
  }

  @Override
  public List<ActionFieldView> list() {
    return views.where(Filters.empty(), Sorts.ascending("_id"));
  }
}
