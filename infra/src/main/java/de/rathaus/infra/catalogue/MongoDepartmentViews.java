package de.rathaus.infra.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.application.catalogue.DepartmentViews;
import de.rathaus.infra.shared.VersionedJsonViews;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The departments in MongoDB, one document per department keyed by its code. A city has tens of
 * departments, so listing reads the whole collection.
 */
public class MongoDepartmentViews implements DepartmentViews {

  static final String COLLECTION = "department_views";

  private final VersionedJsonViews<DepartmentView> views;

  public MongoDepartmentViews(MongoDatabase database, ObjectMapper json) {
    this.views =
        new VersionedJsonViews<>(
            database,
            COLLECTION,
            json,
            DepartmentView.class,
            view -> view.code().value(),
            view -> new Document());
  }

  @Override
  public Optional<DepartmentView> find(String code) {
    return views.find(code);
  }

  @Override
  public void insert(DepartmentView view) {
    views.insert(view);
  }

  @Override
  public boolean replace(DepartmentView view, long previousSequence) {
    return views.replace(view, previousSequence);
  }

  @Override
  public List<DepartmentView> list() {
    return views.where(Filters.empty(), Sorts.ascending("_id"));
  }

  @Override
  public void clear() {
    views.clear();
  }
}
