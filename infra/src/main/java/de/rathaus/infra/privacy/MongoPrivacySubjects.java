package de.rathaus.infra.privacy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import de.rathaus.application.privacy.PrivacySubject;
import de.rathaus.application.privacy.PrivacySubjects;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * The citizens whose personal data the engine holds, in the collection {@value #COLLECTION}, one
 * document per citizen keyed by their id. Plain documents, not the protected mapper: nothing here
 * is personal data beyond the pseudonymous id, and the key store's start-up check reads it before
 * the protected mapper exists.
 */
public class MongoPrivacySubjects implements PrivacySubjects {

  static final String COLLECTION = "privacy_subjects";

  private final MongoCollection<Document> subjects;

  public MongoPrivacySubjects(MongoDatabase database) {
    this.subjects = database.getCollection(COLLECTION);
    // the start-up check counts those holding data (a real MongoDB uses it; the embedded server
    // ignores non-unique indexes)
    subjects.createIndex(Indexes.ascending("holdsData"), new IndexOptions().name("holding_data"));
  }

  @Override
  public void save(PrivacySubject subject) {
    Document document =
        new Document("_id", subject.subject())
            .append("holdsData", subject.holdsData())
            .append("erasures", subject.erasures())
            .append(
                "lastErasedAt",
                subject.lastErasedAt() == null ? null : Date.from(subject.lastErasedAt()))
            .append("lastPosition", subject.lastPosition());
    subjects.replaceOne(
        Filters.eq("_id", subject.subject()), document, new ReplaceOptions().upsert(true));
  }

  @Override
  public Optional<PrivacySubject> find(String subject) {
    Document found = subjects.find(Filters.eq("_id", subject)).first();
    if (found == null) {
      return Optional.empty();
    }
    Date erasedAt = found.getDate("lastErasedAt");
    return Optional.of(
        new PrivacySubject(
            found.getString("_id"),
            found.getBoolean("holdsData", false),
            found.getInteger("erasures", 0),
            erasedAt == null ? null : erasedAt.toInstant(),
            ((Number) found.get("lastPosition")).longValue()));
  }

  /** On the embedded server a scan of the collection; it is read once, at start. */
  @Override
  public long countHoldingData() {
    return subjects.countDocuments(Filters.eq("holdsData", true));
  }

  @Override
  public void clear() {
    subjects.deleteMany(new Document());
  }
}
