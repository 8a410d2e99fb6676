package de.rathaus.infra.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Records written and read as plain documents with a given mapper, one per id: for tests that look
 * at what a mapper stores, without the versioned layout of the read models ({@code
 * VersionedJsonViews}).
 */
public final class JsonViews<T> {

  private final MongoCollection<Document> documents;
  private final ObjectMapper json;
  private final Class<T> type;

  public JsonViews(MongoDatabase database, String collection, ObjectMapper json, Class<T> type) {
    this.documents = database.getCollection(collection);
    this.json = json;
    this.type = type;
  }

  public void save(String id, T view) {
    Document document;
    try {
      document = Document.parse(json.writeValueAsString(view));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A " + type.getSimpleName() + " could not be written", e);
    }
    document.put("_id", id);
    documents.replaceOne(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true));
  }

  public Optional<T> find(String id) {
    return Optional.ofNullable(documents.find(Filters.eq("_id", id)).first()).map(this::read);
  }

  /** Records matching a filter; on the embedded server a filter on another field is a scan. */
  public List<T> where(Bson filter) {
    List<T> found = new ArrayList<>();
    for (Document document : documents.find(filter)) {
      found.add(read(document));
    }
    return found;
  }

  /**
   * Only some fields (and the id) of the records matching a filter, as stored: for queries that
   * need a few plain fields and should not read (and decrypt) whole records.
   */
  public List<Document> fieldsWhere(Bson filter, String... fields) {
    List<Document> found = new ArrayList<>();
    documents.find(filter).projection(Projections.include(fields)).into(found);
    return found;
  }

  public void clear() {
    documents.deleteMany(new Document());
  }

  private T read(Document document) {
    document.remove("_id");
    try {
      return json.readValue(document.toJson(), type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored " + type.getSimpleName() + " could not be read", e);
    }
  }
}
