package de.rathaus.infra.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.application.catalogue.ServiceViews;
import de.rathaus.infra.shared.JsonViews;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The public catalogue in MongoDB, one document per service keyed by its code. Small enough (tens
 * of services) that listing reads the whole collection.
 */
public class MongoServiceViews implements ServiceViews {

  static final String COLLECTION = "service_views";

  private final JsonViews<ServiceView> views;

  public MongoServiceViews(MongoDatabase database, ObjectMapper json) {
    this.views = new JsonViews<>(database, COLLECTION, json, ServiceView.class);
  }

  @Override
  public void save(ServiceView view) {
    views.save(view.code(), view);
  }

  @Override
  public Optional<ServiceView> find(String code) {
    return views.find(code);
  }

  @Override
  public List<ServiceView> listPublished() {
    return views.where(Filters.eq("retired", false)).stream()
        .sorted(Comparator.comparing(ServiceView::code))
        .toList();
  }

  @Override
  public void clear() {
    views.clear();
  }
}
