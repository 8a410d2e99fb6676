package de.rathaus.infra.audit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import de.rathaus.application.audit.AuditIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.bson.Document;

/**
 * The audit index on MongoDB, one document per key and event:
 *
 * <pre>
 * {_id: "&lt;kind&gt;:&lt;value&gt;/&lt;ordinal, 12 digits&gt;", at: "&lt;kind&gt;:&lt;value&gt;@&lt;position&gt;",
 *  position: &lt;long&gt;, timestamp: &lt;epoch millis&gt;}
 * </pre>
 *
 * <p>Both {@code _id} and {@code at} are unique single-field keys, the only ones the embedded
 * server answers from an index: a page of a key is an {@code $in} of its next ordinals' {@code
 * _id}s, and {@code at} makes an entry once per key and position, so a redelivered event changes
 * nothing. The ordinals of a key are dense: an entry takes the next free one, and a writer that
 * finds it taken (another worker, another instance) takes the one after. One insert of all an
 * event's entries per event; where a key's highest ordinal is not known here, it is found by a
 * search over point lookups (about 2 log2 n of them), then remembered.
 */
public class MongoAuditIndex implements AuditIndex {

  static final String COLLECTION = "audit_index";
  static final String AT = "at";
  static final String POSITION = "position";
  static final String TIMESTAMP = "timestamp";

  private static final int MAX_REMEMBERED = 50_000;

  /** One entry of a key: its ordinal, the event's position and timestamp. */
  public record Entry(long ordinal, long position, Instant timestamp) {}

  private final MongoCollection<Document> entries;
  private final Map<String, Long> highest = new ConcurrentHashMap<>();

  public MongoAuditIndex(MongoDatabase database) {
    this.entries = database.getCollection(COLLECTION);
    entries.createIndex(Indexes.ascending(AT), new IndexOptions().unique(true).name("by_key_at"));
  }

  static String id(String key, long ordinal) {
    return key + "/" + String.format("%012d", ordinal);
  }

  @Override
  public void record(long position, Instant timestamp, Set<String> keys) {
    Map<String, Long> pending = new HashMap<>();
    for (String key : keys) {
      pending.put(key, knownHighest(key) + 1);
    }
    while (!pending.isEmpty()) {
      List<String> order = new ArrayList<>(pending.keySet());
      List<Document> documents = new ArrayList<>(order.size());
      for (String key : order) {
        documents.add(
            new Document("_id", id(key, pending.get(key)))
                .append(AT, key + "@" + position)
                .append(POSITION, position)
                .append(TIMESTAMP, timestamp.toEpochMilli()));
      }
      Set<Integer> refused = new HashSet<>();
      try {
        entries.insertMany(documents, new InsertManyOptions().ordered(false));
      } catch (MongoBulkWriteException e) {
        if (e.getWriteConcernError() != null) {
          throw e;
        }
        for (BulkWriteError error : e.getWriteErrors()) {
          if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
            throw e;
          }
          refused.add(error.getIndex());
        }
      }
      Map<String, Long> retry = new HashMap<>();
      for (int i = 0; i < order.size(); i++) {
        String key = order.get(i);
        long ordinal = pending.get(key);
        if (!refused.contains(i)) {
          remember(key, ordinal);
        } else if (entries.find(Filters.eq(AT, key + "@" + position)).first() == null) {
          // the ordinal is taken by another event: take the next free one
          remember(key, ordinal);
          retry.put(key, knownHighest(key) + 1);
        }
        // else: this key has the event already (a redelivery); its ordinal stays free
      }
      pending = retry;
    }
  }

  @Override
  public void clear() {
    entries.deleteMany(new Document());
    highest.clear();
  }

  /** The entry of {@code key} with {@code ordinal}, if there is one. */
  public Optional<Entry> at(String key, long ordinal) {
    return Optional.ofNullable(entries.find(Filters.eq("_id", id(key, ordinal))).first())
        .map(d -> entry(ordinal, d));
  }

  /** The entries of {@code key} with ordinals {@code first} to {@code first + count - 1}. */
  public List<Entry> range(String key, long first, int count) {
    List<String> ids = new ArrayList<>(count);
    for (long ordinal = first; ordinal < first + count; ordinal++) {
      ids.add(id(key, ordinal));
    }
    List<Entry> found = new ArrayList<>(count);
    for (Document document : entries.find(Filters.in("_id", ids))) {
      String id = document.getString("_id");
      found.add(entry(Long.parseLong(id.substring(id.lastIndexOf('/') + 1)), document));
    }
    found.sort(java.util.Comparator.comparingLong(Entry::ordinal));
    return found;
  }

  /**
   * The lowest ordinal of {@code key} whose entry satisfies {@code reached} (a condition that, once
   * true, stays true for higher ordinals), or the highest ordinal plus one if none does: an
   * exponential then a binary search over point lookups, about 2 log2 n of them.
   */
  public long firstOrdinal(String key, Predicate<Entry> reached) {
    long below = 0; // an ordinal known absent-or-not-reached, 0 = before the first
    long probe = 1;
    long above;
    while (true) {
      Optional<Entry> entry = at(key, probe);
      if (entry.isEmpty() || reached.test(entry.get())) {
        above = probe;
        break;
      }
      below = probe;
      probe *= 2;
    }
    while (above - below > 1) {
      long middle = below + (above - below) / 2;
      Optional<Entry> entry = at(key, middle);
      if (entry.isEmpty() || reached.test(entry.get())) {
        above = middle;
      } else {
        below = middle;
      }
    }
    return above;
  }

  private long knownHighest(String key) {
    Long known = highest.get(key);
    if (known != null) {
      return known;
    }
    long found = firstOrdinal(key, entry -> false) - 1;
    remember(key, found);
    return found;
  }

  private void remember(String key, long ordinal) {
    if (highest.size() > MAX_REMEMBERED) {
      highest.clear(); // forgetting only costs a search
    }
    highest.merge(key, ordinal, Math::max);
  }

  private static Entry entry(long ordinal, Document document) {
    return new Entry(
        ordinal,
        document.get(POSITION, Number.class).longValue(),
        Instant.ofEpochMilli(document.get(TIMESTAMP, Number.class).longValue()));
  }
}
