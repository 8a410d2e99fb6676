package de.rathaus.infra.privacy;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import de.rathaus.application.privacy.AccessEntry;
import de.rathaus.application.privacy.AccessKind;
import de.rathaus.application.privacy.AccessLog;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.shared.CitizenId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The access log in the collection {@value #COLLECTION}, one plain document per read: ids and codes
 * only (nothing personal beyond the pseudonymous ids), so it needs no encryption. Listed by citizen
 * (and request), newest first; on the embedded server a scan, on a real MongoDB by index.
 */
public class MongoAccessLog implements AccessLog {

  static final String COLLECTION = "access_log";

  private final MongoCollection<Document> entries;

  public MongoAccessLog(MongoDatabase database) {
    this.entries = database.getCollection(COLLECTION);
    entries.createIndexes(
        List.of(
            new IndexModel(
                Indexes.descending("subject", "at", "_id"), new IndexOptions().name("subject")),
            new IndexModel(Indexes.descending("at", "_id"), new IndexOptions().name("newest"))));
  }

  @Override
  public void append(List<AccessEntry> batch) {
    if (batch.isEmpty()) {
      return;
    }
    List<Document> documents = new ArrayList<>(batch.size());
    for (AccessEntry entry : batch) {
      documents.add(
          new Document("_id", entry.id())
              .append("subject", entry.subject().value())
              .append("request", entry.requestId())
              .append("caseNumber", entry.caseNumber())
              .append("kind", entry.kind().name())
              .append("reader", entry.reader())
              .append("role", entry.readerRole())
              .append("department", entry.readerDepartment())
              .append("at", entry.at().toEpochMilli()));
    }
    try {
      entries.insertMany(documents, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      // an entry stored before (a batch written again) is no failure; anything else is
      if (e.getWriteErrors().stream().anyMatch(error -> error.getCode() != 11000)) {
        throw e;
      }
    }
  }

  @Override
  public Page<AccessEntry> page(CitizenId subject, String requestId, String after, int size) {
    Page.requireSize(size);
    List<Bson> filters = new ArrayList<>();
    if (subject != null) {
      filters.add(Filters.eq("subject", subject.value()));
    }
    if (requestId != null) {
      filters.add(Filters.eq("request", requestId));
    }
    if (after != null) {
      Cursor last = Cursor.read(after);
      filters.add(
          Filters.or(
              Filters.lt("at", last.at()),
              Filters.and(Filters.eq("at", last.at()), Filters.lt("_id", last.id()))));
    }
    Bson where = filters.isEmpty() ? new Document() : Filters.and(filters);
    List<Document> found = new ArrayList<>(size + 1);
    entries.find(where).sort(Sorts.descending("at", "_id")).limit(size + 1).into(found);
    List<AccessEntry> items = new ArrayList<>();
    for (Document document : found.subList(0, Math.min(size, found.size()))) {
      items.add(read(document));
    }
    String next = null;
    if (found.size() > size) {
      Document last = found.get(size - 1);
      next = new Cursor(last.getLong("at"), last.getString("_id")).write();
    }
    return new Page<>(items, next);
  }

  @Override
  public long forget(CitizenId subject, Instant upTo) {
    return entries
        .deleteMany(
            Filters.and(
                Filters.eq("subject", subject.value()), Filters.lte("at", upTo.toEpochMilli())))
        .getDeletedCount();
  }

  private static AccessEntry read(Document d) {
    return new AccessEntry(
        d.getString("_id"),
        new CitizenId(d.getString("subject")),
        d.getString("request"),
        d.getString("caseNumber"),
        AccessKind.valueOf(d.getString("kind")),
        d.getString("reader"),
        d.getString("role"),
        d.getString("department"),
        Instant.ofEpochMilli(d.getLong("at")));
  }

  private record Cursor(long at, String id) {
    String write() {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((at + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor read(String cursor) {
      try {
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        return new Cursor(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
      } catch (RuntimeException e) {
        throw new Page.InvalidPageRequest("cursor");
      }
    }
  }
}
