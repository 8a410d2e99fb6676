package de.rathaus.infra.servicerequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import de.rathaus.application.servicerequest.RequestView;
import de.rathaus.application.servicerequest.RequestViews;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Requests as their applicants see them, one document per request keyed by its id. Listing by
 * applicant filters on a non-unique field, which the embedded server answers by a scan: fine for a
 * demo, index-backed on a real MongoDB.
 */
public class MongoRequestViews implements RequestViews {

  static final String COLLECTION = "request_views";

  private final MongoCollection<Document> views;
  private final ObjectMapper json;

  public MongoRequestViews(MongoDatabase database, ObjectMapper json) {
    this.views = database.getCollection(COLLECTION);
    this.json = json;
  }

  @Override
  public void save(RequestView view) {
    Document document = Document.parse(write(view));
    document.put("_id", view.id());
    views.replaceOne(Filters.eq("_id", view.id()), document, new ReplaceOptions().upsert(true));
  }

  @Override
  public Optional<RequestView> find(String id) {
    return Optional.ofNullable(views.find(Filters.eq("_id", id)).first()).map(this::read);
  }

  @Override
  public List<RequestView> listByApplicant(String applicant) {
    List<RequestView> mine = new ArrayList<>();
    for (Document document : views.find(Filters.eq("applicant", applicant))) {
      mine.add(read(document));
    }
    mine.sort(Comparator.comparing(RequestView::submittedAt).reversed());
    return mine;
  }

  @Override
  public void clear() {
    views.deleteMany(new Document());
  }

  private String write(RequestView view) {
    try {
      return json.writeValueAsString(view);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A request view could not be written", e);
    }
  }

  private RequestView read(Document document) {
    document.remove("_id");
    try {
      return json.readValue(document.toJson(), RequestView.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored request view could not be read", e);
    }
  }
}
