package de.rathaus.infra.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import de.rathaus.application.shared.Page;
import de.rathaus.application.shared.Versioned;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A collection of read-model records that each follow one aggregate, written with the engine's
 * (protecting) Jackson mapper: what the read-model ports of every feature stand on.
 *
 * <p>A document is {@code {_id, seq, q: {…}, view: {…}}}: {@code seq} is the last event the record
 * applied, and every write is conditional on it, so a redelivered event or a worker that lost its
 * claim never puts an older record over a newer one. {@code q} holds the plain fields the read
 * model is queried and sorted by (never personal data: those stay encrypted inside {@code view}),
 * so queries do not depend on the record's JSON shape. On the embedded server only {@code _id} is
 * indexed and other filters scan; on a real MongoDB the indexes the adapter declares serve them.
 *
 * @param <V> the record type
 */
public final class VersionedJsonViews<V extends Versioned<V>> {

  static final String ID = "_id";
  static final String SEQUENCE = "seq";
  static final String QUERY = "q";
  static final String VIEW = "view";

  private final MongoCollection<Document> documents;
  private final ObjectMapper json;
  private final Class<V> type;
  private final Function<V, String> idOf;
  private final Function<V, Document> queryFields;

  /**
   * @param idOf the record's id (its aggregate's id)
   * @param queryFields the plain fields to query and sort by, stored under {@code q}
   */
  public VersionedJsonViews(
      MongoDatabase database,
      String collection,
      ObjectMapper json,
      Class<V> type,
      Function<V, String> idOf,
      Function<V, Document> queryFields) {
    this.documents = database.getCollection(collection);
    this.json = json;
    this.type = type;
    this.idOf = idOf;
    this.queryFields = queryFields;
  }

  /** The path of a query field, for filters: {@code q.<name>}. */
  public static String field(String name) {
    return QUERY + "." + name;
  }

  /** Creates the given indexes (a real MongoDB uses them; the embedded server ignores them). */
  public void ensureIndexes(List<IndexModel> indexes) {
    if (!indexes.isEmpty()) {
      documents.createIndexes(indexes);
    }
  }

  public Optional<V> find(String id) {
    return Optional.ofNullable(documents.find(Filters.eq(ID, id)).first()).map(this::read);
  }

  /** Stores the first record of an aggregate; a second insert (a redelivery) changes nothing. */
  public void insert(V view) {
    try {
      documents.insertOne(document(view));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
    }
  }

  /** Replaces the record if it still is at {@code previousSequence}; answers whether it did. */
  public boolean replace(V view, long previousSequence) {
    String id = idOf.apply(view);
    return documents
            .replaceOne(
                Filters.and(Filters.eq(ID, id), Filters.eq(SEQUENCE, previousSequence)),
                document(view))
            .getMatchedCount()
        == 1;
  }

  /**
   * Replaces the record if it still is at {@code previousSequence} and matches {@code also} (a
   * further condition on its query fields); answers whether it did.
   */
  public boolean replace(V view, long previousSequence, Bson also) {
    String id = idOf.apply(view);
    return documents
            .replaceOne(
                Filters.and(Filters.eq(ID, id), Filters.eq(SEQUENCE, previousSequence), also),
                document(view))
            .getMatchedCount()
        == 1;
  }

  public void clear() {
    documents.deleteMany(new Document());
  }

  /** Every record matching {@code filter} (a scan on the embedded server). */
  public List<V> where(Bson filter, Bson sort) {
    List<V> found = new ArrayList<>();
    for (Document document : documents.find(filter).sort(sort)) {
      found.add(read(document));
    }
    return found;
  }

  /** The ids of the records matching {@code filter}, reading (and decrypting) nothing else. */
  public List<String> idsWhere(Bson filter) {
    List<String> ids = new ArrayList<>();
    for (Document document : documents.find(filter).projection(Projections.include(ID))) {
      ids.add(document.getString(ID));
    }
    return ids;
  }

  /** Removes the query field {@code key} of the records matching {@code filter}. */
  public void unsetWhere(Bson filter, String key) {
    documents.updateMany(filter, com.mongodb.client.model.Updates.unset(field(key)));
  }

  /** The numeric query field {@code key} of the records matching {@code filter}, nothing else. */
  public List<Long> queryValuesWhere(Bson filter, String key) {
    List<Long> values = new ArrayList<>();
    for (Document document : documents.find(filter).projection(Projections.include(field(key)))) {
      Number value = document.get(QUERY, Document.class).get(key, Number.class);
      if (value != null) {
        values.add(value.longValue());
      }
    }
    return values;
  }

  /**
   * A page of the records matching {@code filter}, ordered by the numeric query field {@code key}
   * and then by id ({@code ascending} or both descending). The cursor holds the last record's key
   * and id, so a page starts exactly after the previous one even while records are added.
   */
  public Page<V> page(Bson filter, String key, boolean ascending, String after, int size) {
    return page(filter, key, ascending, after, size, following -> {});
  }

  /**
   * A page as {@link #page(Bson, String, boolean, String, int)} finds it; if there is a record
   * after it, {@code following} is given that record's key (a caller may keep it as a bound for the
   * next read of the same page).
   */
  public Page<V> page(
      Bson filter, String key, boolean ascending, String after, int size, LongConsumer following) {
    Bson where = filter;
    if (after != null) {
      Cursor last = Cursor.read(after);
      String path = field(key);
      where =
          Filters.and(
              filter,
              ascending
                  ? Filters.or(
                      Filters.gt(path, last.key()),
                      Filters.and(Filters.eq(path, last.key()), Filters.gt(ID, last.id())))
                  : Filters.or(
                      Filters.lt(path, last.key()),
                      Filters.and(Filters.eq(path, last.key()), Filters.lt(ID, last.id()))));
    }
    Bson order = ascending ? Sorts.ascending(field(key), ID) : Sorts.descending(field(key), ID);
    List<Document> found = new ArrayList<>(size + 1);
    documents.find(where).sort(order).limit(size + 1).into(found);
    boolean more = found.size() > size;
    List<V> items = new ArrayList<>(Math.min(size, found.size()));
    for (Document document : found.subList(0, Math.min(size, found.size()))) {
      items.add(read(document));
    }
    String next = null;
    if (more) {
      following.accept(
          found.get(size).get(QUERY, Document.class).get(key, Number.class).longValue());
      Document last = found.get(size - 1);
      next =
          new Cursor(
                  last.get(QUERY, Document.class).get(key, Number.class).longValue(),
                  last.getString(ID))
              .write();
    }
    return new Page<>(items, next);
  }

  private Document document(V view) {
    Document body;
    try {
      body = Document.parse(json.writeValueAsString(view));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A " + type.getSimpleName() + " could not be written", e);
    }
    return new Document(ID, idOf.apply(view))
        .append(SEQUENCE, view.sequence())
        .append(QUERY, queryFields.apply(view))
        .append(VIEW, body);
  }

  private V read(Document document) {
    Document body = document.get(VIEW, Document.class);
    try {
      return json.readValue(body.toJson(), type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored " + type.getSimpleName() + " could not be read", e);
    }
  }

  /** Where a page ended: the last record's sort key and id, as opaque text for the caller. */
  record Cursor(long key, String id) {

    String write() {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((key + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor read(String text) {
      try {
        String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        int bar = decoded.indexOf('|');
        if (bar <= 0 || bar == decoded.length() - 1) {
          throw new Page.InvalidPageRequest("cursor");
        }
        return new Cursor(Long.parseLong(decoded.substring(0, bar)), decoded.substring(bar + 1));
      } catch (IllegalArgumentException e) {
        throw new Page.InvalidPageRequest("cursor");
      }
    }
  }
}
