package de.rathaus.infra.servicerequest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.rathaus.application.servicerequest.RequestView;
import de.rathaus.application.servicerequest.RequestViews;
import de.rathaus.infra.shared.JsonViews;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Requests as their applicants see them, one document per request keyed by its id. Listing by
 * applicant filters on a non-unique field, which the embedded server answers by a scan: fine for a
 * demo, index-backed on a real MongoDB.
 */
public class MongoRequestViews implements RequestViews {

  static final String COLLECTION = "request_views";

  private final JsonViews<RequestView> views;

  public MongoRequestViews(MongoDatabase database, ObjectMapper json) {
    this.views = new JsonViews<>(database, COLLECTION, json, RequestView.class);
  }

  @Override
  public void save(RequestView view) {
    views.save(view.id(), view);
  }

  @Override
  public Optional<RequestView> find(String id) {
    return views.find(id);
  }

  @Override
  public List<RequestView> listByApplicant(String applicant) {
    return views.where(Filters.eq("applicant", applicant)).stream()
        .sorted(Comparator.comparing(RequestView::submittedAt).reversed())
        .toList();
  }

  @Override
  public List<RequestView> listEnded() {
    return views.where(Filters.in("status", "CLOSED", "WITHDRAWN"));
  }

  @Override
  public void clear() {
    views.clear();
  }
}
