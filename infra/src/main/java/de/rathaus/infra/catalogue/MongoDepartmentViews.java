package de.rathaus.infra.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.application.catalogue.DepartmentViews;
import de.rathaus.infra.shared.StoredViews;
import de.rathaus.infra.shared.VersionedJsonViews;
import java.util.List;
import org.bson.Document;

/**
 * The departments in MongoDB, one document per department keyed by its code. A city has tens of
 * departments, so listing reads the whole collection.
 */
public class MongoDepartmentViews extends StoredViews<DepartmentView> implements DepartmentViews {

  static final String COLLECTION = "department_views";

  public MongoDepartmentViews(MongoDatabase database, ObjectMapper json) {
    super(
        new VersionedJsonViews<>(
            database,
            COLLECTION,
            json,
            DepartmentView.class,
            view -> view.code().value(),
            view -> new Document()));
  }

  @Override
  public List<DepartmentView> list() {
    return views.where(Filters.empty(), Sorts.ascending("_id"));
  }
}
