package de.rathaus.infra.transparency;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.rathaus.application.transparency.CheckpointView;
import de.rathaus.application.transparency.Checkpoints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The checkpoints in the collection {@value #COLLECTION}: one document per checkpoint under its
 * ordinal ({@code _id}, dense), so that a page is an {@code $in} of ordinals, and a document {@code
 * latest} with the highest ordinal. No personal data.
 */
public class MongoCheckpoints implements Checkpoints {

  static final String COLLECTION = "checkpoints";
  private static final String LATEST = "latest";

  private final MongoCollection<Document> checkpoints;

  public MongoCheckpoints(MongoDatabase database) {
    this.checkpoints = database.getCollection(COLLECTION);
    checkpoints.createIndex(Indexes.ascending("treeSize"), new IndexOptions().unique(true));
  }

  @Override
  public void put(CheckpointView c) {
    Document document =
        new Document("_id", c.ordinal())
            .append("logId", c.logId())
            .append("treeSize", c.treeSize())
            .append("rootHash", c.rootHash())
            .append("signedAt", c.signedAt().toString())
            .append("signature", c.signature())
            .append("keyId", c.keyId())
            .append("note", c.note());
    checkpoints.replaceOne(
        Filters.eq("_id", c.ordinal()), document, new ReplaceOptions().upsert(true));
    try {
      checkpoints.updateOne(
          Filters.and(Filters.eq("_id", LATEST), Filters.lt("ordinal", c.ordinal())),
          Updates.set("ordinal", c.ordinal()),
          new UpdateOptions().upsert(true));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      // a later checkpoint is the latest already (a redelivery)
    }
  }

  @Override
  public Optional<CheckpointView> latest() {
    Document latest = checkpoints.find(Filters.eq("_id", LATEST)).first();
    if (latest == null) {
      return Optional.empty();
    }
    return byOrdinal(latest.get("ordinal", Number.class).longValue());
  }

  private Optional<CheckpointView> byOrdinal(long ordinal) {
    return Optional.ofNullable(checkpoints.find(Filters.eq("_id", ordinal)).first())
        .map(MongoCheckpoints::view);
  }

  @Override
  public List<CheckpointView> before(long below, int size) {
    List<Long> ordinals = new ArrayList<>();
    for (long o = below - 1; o >= 1 && ordinals.size() < size; o--) {
      ordinals.add(o);
    }
    if (ordinals.isEmpty()) {
      return List.of();
    }
    List<CheckpointView> page = new ArrayList<>();
    for (Document document : checkpoints.find(Filters.in("_id", ordinals))) {
      page.add(view(document));
    }
    page.sort(Comparator.comparingLong(CheckpointView::ordinal).reversed());
    return page;
  }

  @Override
  public Optional<CheckpointView> ofSize(long treeSize) {
    return Optional.ofNullable(checkpoints.find(Filters.eq("treeSize", treeSize)).first())
        .map(MongoCheckpoints::view);
  }

  @Override
  public void clear() {
    checkpoints.deleteMany(new Document());
  }

  private static CheckpointView view(Document d) {
    return new CheckpointView(
        d.get("_id", Number.class).longValue(),
        d.getString("logId"),
        d.get("treeSize", Number.class).longValue(),
        d.getString("rootHash"),
        Instant.parse(d.getString("signedAt")),
        d.getString("signature"),
        d.getString("keyId"),
        d.getString("note"));
  }
}
