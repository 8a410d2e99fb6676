package de.rathaus.infra.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.application.catalogue.ServiceViews;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The public catalogue in MongoDB, one document per service keyed by its code. Small enough (tens
 * of services) that listing reads the whole collection.
 */
public class MongoServiceViews implements ServiceViews {

  static final String COLLECTION = "service_views";

  private final MongoCollection<Document> views;
  private final ObjectMapper json;

  public MongoServiceViews(MongoDatabase database, ObjectMapper json) {
    this.views = database.getCollection(COLLECTION);
    this.json = json;
  }

  @Override
  public void save(ServiceView view) {
    Document document = Document.parse(write(view));
    document.put("_id", view.code());
    views.replaceOne(Filters.eq("_id", view.code()), document, new ReplaceOptions().upsert(true));
  }

  @Override
  public Optional<ServiceView> find(String code) {
    return Optional.ofNullable(views.find(Filters.eq("_id", code)).first()).map(this::read);
  }

  @Override
  public List<ServiceView> listPublished() {
    List<ServiceView> published = new ArrayList<>();
    for (Document document : views.find(Filters.eq("retired", false))) {
      published.add(read(document));
    }
    published.sort(Comparator.comparing(ServiceView::code));
    return published;
  }

  @Override
  public void clear() {
    views.deleteMany(new Document());
  }

  private String write(ServiceView view) {
    try {
      return json.writeValueAsString(view);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A service view could not be written", e);
    }
  }

  private ServiceView read(Document document) {
    document.remove("_id");
    try {
      return json.readValue(document.toJson(), ServiceView.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored service view could not be read", e);
    }
  }
}
