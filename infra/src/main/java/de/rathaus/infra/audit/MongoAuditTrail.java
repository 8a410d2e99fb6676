package de.rathaus.infra.audit;

import com.fasterxml.jackson.databind.JsonNode;
import de.rathaus.application.audit.AuditActor;
import de.rathaus.application.audit.AuditEvent;
import de.rathaus.application.audit.AuditEventPage;
import de.rathaus.application.audit.AuditKeys;
import de.rathaus.application.audit.AuditTrail;
import de.rathaus.application.audit.Disclosure;
import de.rathaus.application.audit.ListAuditEvents;
import de.rathaus.application.shared.Page;
import de.rathaus.infra.audit.MongoAuditIndex.Entry;
import de.rathaus.infra.eventstore.RecordedEvent;
import de.rathaus.infra.eventstore.StoredEventReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail read from the event store and the audit index, by single-field unique keys only,
 * so that a page costs the same however large the store is:
 *
 * <ul>
 *   <li>with an index filter (correlation id, proposal, actor, department, event type, aggregate
 *       type: the first given in this order is used, the others are checked in memory), a page is
 *       an {@code $in} of the key's next ordinals in the index, then an {@code $in} of their
 *       positions in the store; it lists the events in the order the index learned them (position
 *       order, but for a commit that landed late);
 *   <li>with {@code aggregate} (and no index filter), the aggregate's events by sequence number;
 *   <li>else by position straight from the store, {@code $in} of the next positions: this shows
 *       events the index has not learned yet.
 * </ul>
 *
 * <p>A request reads at most {@value #MAX_SCANNED} index entries or positions: with filters that
 * rarely meet, a page may hold fewer items than asked for (even none) and still have a next link.
 */
public class MongoAuditTrail implements AuditTrail {

  /** Index entries or positions one request reads at most. */
  static final int MAX_SCANNED = 2_000;

  private final StoredEventReader store;
  private final MongoAuditIndex index;
  private final Disclosures disclosures;

  MongoAuditTrail(StoredEventReader store, MongoAuditIndex index, Disclosures disclosures) {
    this.store = store;
    this.index = index;
    this.disclosures = disclosures;
  }

  @Override
  public AuditEventPage list(ListAuditEvents query) {
    Page.requireSize(query.size());
    Long cursor = query.cursor() == null ? null : readCursor(query.cursor());
    String key = indexKey(query);
    if (key != null) {
      return byIndex(query, key, cursor);
    }
    if (query.aggregate() != null) {
      return byAggregate(query, cursor);
    }
    return byPosition(query, cursor);
  }

  @Override
  public List<AuditEvent> history(String aggregateId, Disclosure disclosure) {
    return store.ofAggregate(aggregateId).stream().map(e -> entry(e, disclosure)).toList();
  }

  @Override
  public List<AuditEvent> eventsAt(java.util.Collection<Long> positions, Disclosure disclosure) {
    return store.atPositions(positions).stream().map(e -> entry(e, disclosure)).toList();
  }

  @Override
  public List<Long> positionsAbout(String proposalId, long upToPosition) {
    String key = AuditKeys.key(AuditKeys.ABOUT, proposalId);
    List<Long> positions = new ArrayList<>();
    long next = 1;
    while (true) {
      List<Entry> entries = index.range(key, next, 100);
      for (Entry entry : entries) {
        if (entry.position() <= upToPosition) {
          positions.add(entry.position());
        }
      }
      if (entries.size() < 100) {
        positions.sort(null);
        return positions;
      }
      next += 100;
    }
  }

  /** The index key a filtered page reads: the most selective filter given, by kind. */
  static String indexKey(ListAuditEvents q) {
    if (q.correlationId() != null) {
      return AuditKeys.key(AuditKeys.CORRELATION, q.correlationId());
    }
    if (q.about() != null) {
      return AuditKeys.key(AuditKeys.ABOUT, q.about());
    }
    if (q.aggregate() != null) {
      return null; // the aggregate's own stream is smaller than any index key but a correlation
    }
    if (q.actor() != null) {
      return AuditKeys.key(AuditKeys.ACTOR, q.actor());
    }
    if (q.department() != null) {
      return AuditKeys.key(AuditKeys.DEPARTMENT, q.department());
    }
    if (q.type() != null) {
      return AuditKeys.key(AuditKeys.TYPE, q.type());
    }
    if (q.aggregateType() != null) {
      return AuditKeys.key(AuditKeys.AGGREGATE_TYPE, q.aggregateType());
    }
    return null;
  }

  private AuditEventPage byIndex(ListAuditEvents q, String key, Long cursor) {
    long next;
    if (cursor != null) {
      next = cursor;
    } else {
      next = 1;
      if (q.after() != null) {
        long after = q.after();
        next = index.firstOrdinal(key, e -> e.position() > after);
      }
      if (q.from() != null) {
        Instant from = q.from();
        next = Math.max(next, index.firstOrdinal(key, e -> !e.timestamp().isBefore(from)));
      }
    }
    List<AuditEvent> items = new ArrayList<>();
    int scanned = 0;
    while (scanned < MAX_SCANNED) {
      int chunk = Math.min(q.size(), MAX_SCANNED - scanned);
      List<Entry> entries = index.range(key, next, chunk);
      List<Long> positions = new ArrayList<>(entries.size());
      for (Entry entry : entries) {
        positions.add(entry.position());
      }
      Map<Long, RecordedEvent> events = byPosition(store.atPositions(positions));
      for (Entry entry : entries) {
        if (q.to() != null && entry.timestamp().isAfter(q.to())) {
          return new AuditEventPage(items, null);
        }
        next = entry.ordinal() + 1;
        RecordedEvent event = events.get(entry.position());
        if (event != null && matches(q, event)) {
          items.add(entry(event, q.disclosure()));
          if (items.size() == q.size()) {
            return new AuditEventPage(
                items, index.at(key, next).isPresent() ? writeCursor(next) : null);
          }
        }
      }
      scanned += entries.size();
      if (entries.size() < chunk) {
        return new AuditEventPage(items, null);
      }
    }
    return new AuditEventPage(items, writeCursor(next));
  }

  private AuditEventPage byAggregate(ListAuditEvents q, Long cursor) {
    long afterSequence = cursor == null ? -1 : cursor;
    List<AuditEvent> items = new ArrayList<>();
    for (RecordedEvent event : store.ofAggregate(q.aggregate())) {
      if (event.sequence() <= afterSequence
          || (q.after() != null && event.position() <= q.after())
          || !matches(q, event)) {
        continue;
      }
      if (items.size() == q.size()) {
        return new AuditEventPage(items, writeCursor(items.get(items.size() - 1).sequence()));
      }
      items.add(entry(event, q.disclosure()));
    }
    return new AuditEventPage(items, null);
  }

  private AuditEventPage byPosition(ListAuditEvents q, Long cursor) {
    long head = store.head();
    long last;
    if (cursor != null) {
      last = cursor;
    } else if (q.after() != null) {
      last = q.after();
    } else {
      last = q.from() == null ? 0 : firstPositionAtOrAfter(q.from(), head) - 1;
    }
    List<AuditEvent> items = new ArrayList<>();
    int scanned = 0;
    // the first position met that is still open: nothing stored there yet, or a commit not yet
    // decided. An event stored beyond it ends the page there, so that an event landing at the open
    // position later is not passed by (processors give such a position up after the gap timeout,
    // with a tombstone); open positions with nothing stored beyond them are the store's tail
    Long open = null;
    while (last < head && scanned < MAX_SCANNED) {
      long end = Math.min(head, last + q.size());
      List<Long> window = new ArrayList<>();
      for (long p = last + 1; p <= end; p++) {
        window.add(p);
      }
      StoredEventReader.Window found = store.window(window);
      for (RecordedEvent event : found.events()) {
        Long before = open != null ? open : found.firstOpen();
        if (before != null && event.position() > before) {
          return new AuditEventPage(items, writeCursor(before - 1));
        }
        if (q.to() != null && event.timestamp().isAfter(q.to())) {
          return new AuditEventPage(items, null);
        }
        if (matches(q, event)) {
          items.add(entry(event, q.disclosure()));
          if (items.size() == q.size()) {
            return new AuditEventPage(
                items, event.position() < head ? writeCursor(event.position()) : null);
          }
        }
      }
      if (open == null) {
        open = found.firstOpen();
      }
      scanned += window.size();
      last = end;
    }
    if (open != null) {
      return new AuditEventPage(items, last < head ? writeCursor(open - 1) : null);
    }
    return new AuditEventPage(items, last < head ? writeCursor(last) : null);
  }

  /**
   * The first position whose event was recorded at or after {@code from}, by a binary search over
   * positions (each probe reads the first event in a window of 16 positions): positions are in time
   * order but for commits that landed late, so near {@code from} such an event may be left out or
   * let in.
   */
  private long firstPositionAtOrAfter(Instant from, long head) {
    long low = 1;
    long high = head + 1;
    while (low < high) {
      long middle = low + (high - low) / 2;
      List<Long> window = new ArrayList<>();
      for (long p = middle; p < middle + 16 && p <= head; p++) {
        window.add(p);
      }
      List<RecordedEvent> found = store.atPositions(window);
      if (!found.isEmpty() && !found.get(0).timestamp().isBefore(from)) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }

  private static Map<Long, RecordedEvent> byPosition(List<RecordedEvent> events) {
    Map<Long, RecordedEvent> map = new HashMap<>();
    for (RecordedEvent event : events) {
      map.put(event.position(), event);
    }
    return map;
  }

  static boolean matches(ListAuditEvents q, RecordedEvent e) {
    JsonNode meta = e.metaData();
    return (q.aggregate() == null || q.aggregate().equals(e.aggregateId()))
        && (q.aggregateType() == null || q.aggregateType().equals(e.aggregateType()))
        && (q.type() == null || q.type().equals(simpleName(e.payloadType())))
        && (q.actor() == null || q.actor().equals(text(meta, "actorId")))
        && (q.department() == null || q.department().equals(text(meta, "department")))
        && (q.correlationId() == null || q.correlationId().equals(text(meta, "correlationId")))
        && (q.about() == null || q.about().equals(about(e.payload())))
        && (q.from() == null || !e.timestamp().isBefore(q.from()))
        && (q.to() == null || !e.timestamp().isAfter(q.to()));
  }

  /** The proposal a support or rating payload names: its field {@code proposal} or {@code item}. */
  private static String about(JsonNode payload) {
    if (payload == null) {
      return null;
    }
    for (String field : List.of("proposal", "item")) {
      JsonNode value = payload.get(field);
      if (value != null && value.isTextual()) {
        return value.asText();
      }
      if (value != null && value.has("value")) {
        return value.get("value").asText();
      }
    }
    return null;
  }

  AuditEvent entry(RecordedEvent e, Disclosure disclosure) {
    JsonNode meta = e.metaData();
    return new AuditEvent(
        e.position(),
        e.sequence(),
        e.aggregateId(),
        e.aggregateType(),
        simpleName(e.payloadType()),
        e.payloadType(),
        e.payloadRevision(),
        e.timestamp(),
        new AuditActor(text(meta, "actorId"), text(meta, "actorRole"), text(meta, "department")),
        text(meta, "channel"),
        text(meta, "correlationId"),
        text(meta, "causationId"),
        disclosures.payload(e.payload(), e.payloadType(), e.position(), disclosure));
  }

  static String simpleName(String payloadType) {
    if (payloadType == null) {
      return null;
    }
    // a nested class's simple name is what follows the last '$' of its binary name
    int start = Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$'));
    return payloadType.substring(start + 1);
  }

  private static String text(JsonNode meta, String key) {
    JsonNode value = meta == null ? null : meta.get(key);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String writeCursor(long value) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("a" + value).getBytes(StandardCharsets.UTF_8));
  }

  private static Long readCursor(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!text.startsWith("a")) {
        throw new Page.InvalidPageRequest("cursor");
      }
      long value = Long.parseLong(text.substring(1));
      if (value < 0) {
        throw new Page.InvalidPageRequest("cursor");
      }
      return value;
    } catch (IllegalArgumentException e) {
      throw new Page.InvalidPageRequest("cursor");
    }
  }
}
