package de.rathaus.infra.participation;

import static de.rathaus.infra.shared.VersionedJsonViews.field;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.rathaus.application.participation.ListModerationLog;
import de.rathaus.application.participation.ModerationLog;
import de.rathaus.application.participation.ModerationLogEntry;
import de.rathaus.application.shared.Page;
import de.rathaus.infra.shared.StoredViews;
import de.rathaus.infra.shared.VersionedJsonViews;
import java.util.List;
import org.bson.Document;

/**
 * The public moderation log in MongoDB, one document per entry (nothing personal in it). A
 * consultation's log is queried by the plain fields under {@code q}: the consultation's id and the
 * time of the moderation (epoch millis, the log's order).
 */
public class MongoModerationLog extends StoredViews<ModerationLogEntry> implements ModerationLog {

  static final String COLLECTION = "moderation_log";

  static final String CONSULTATION = "consultation";
  static final String AT = "at";

  /** What a consultation's log filters and sorts by, on a real MongoDB. */
  static final List<IndexModel> INDEXES =
      List.of(
          new IndexModel(
              Indexes.compoundIndex(
                  Indexes.ascending(field(CONSULTATION)), Indexes.descending(field(AT), "_id")),
              new IndexOptions().name("newest")));

  public MongoModerationLog(MongoDatabase database, ObjectMapper json) {
    super(
        new VersionedJsonViews<>(
            database,
            COLLECTION,
            json,
            ModerationLogEntry.class,
            ModerationLogEntry::id,
            MongoModerationLog::query));
    views.ensureIndexes(INDEXES);
  }

  static Document query(ModerationLogEntry entry) {
    return new Document(CONSULTATION, entry.consultation().value())
        .append(AT, entry.at().toEpochMilli());
  }

  @Override
  public Page<ModerationLogEntry> list(ListModerationLog query) {
    return views.page(
        Filters.eq(field(CONSULTATION), query.consultation().value()),
        AT,
        false,
        query.after(),
        query.size());
  }
}
