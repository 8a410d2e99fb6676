package de.rathaus.infra.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.application.catalogue.DepartmentViews;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.infra.shared.JsonViews;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The departments in MongoDB, one document per department keyed by its code. A city has tens of
 * departments, so listing reads the whole collection.
 */
public class MongoDepartmentViews implements DepartmentViews {

  static final String COLLECTION = "department_views";

  private final JsonViews<DepartmentView> views;

  public MongoDepartmentViews(MongoDatabase database, ObjectMapper json) {
    this.views = new JsonViews<>(database, COLLECTION, json, DepartmentView.class);
  }

  @Override
  public void save(DepartmentView view) {
    views.save(view.code().value(), view);
  }

  @Override
  public Optional<DepartmentView> find(DepartmentCode code) {
    return views.find(code.value());
  }

  @Override
  public List<DepartmentView> list() {
    return views.where(Filters.empty()).stream()
        .sorted(Comparator.comparing(view -> view.code().value()))
        .toList();
  }

  @Override
  public void clear() {
    views.clear();
  }
}
