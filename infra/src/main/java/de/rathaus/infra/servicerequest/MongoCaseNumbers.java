package de.rathaus.infra.servicerequest;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.rathaus.application.servicerequest.CaseNumbers;
import de.rathaus.domain.shared.CaseNumber;
import de.rathaus.infra.mongo.Unconfirmed;
import org.bson.Document;

/**
 * Case numbers from one counter document per prefix and year ({@code _id} = {@code HN-2026}),
 * incremented atomically: shared by every engine instance, one after another.
 */
public class MongoCaseNumbers implements CaseNumbers {

  static final String COLLECTION = "case_numbers";

  private final MongoCollection<Document> counters;
  private final String prefix;

  public MongoCaseNumbers(MongoDatabase database, String prefix) {
    this.counters = database.getCollection(COLLECTION);
    this.prefix = prefix;
  }

  @Override
  public CaseNumber next(int year) {
    // unconfirmed, a number may be used up or not: a gap in the numbers, never a number twice
    Document counter =
        Unconfirmed.unknownIfUnconfirmed(
            "The next case number",
            () ->
                counters.findOneAndUpdate(
                    new Document("_id", prefix + "-" + year),
                    Updates.inc("last", 1L),
                    new FindOneAndUpdateOptions()
                        .upsert(true)
                        .returnDocument(ReturnDocument.AFTER)));
    return CaseNumber.of(prefix, year, counter.get("last", Number.class).longValue());
  }
}
