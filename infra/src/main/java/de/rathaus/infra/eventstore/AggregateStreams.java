package de.rathaus.infra.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.eventhandling.DomainEventData;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Loads an aggregate's events: {@code $in} of the {@code _id}s it must have (aggregate id and
 * sequence), 32 at first, then chunks of 100, up to the first sequence number that is missing or
 * whose commit is not decided: an event whose commit's last event is not stored (yet), or was given
 * up, is not part of the aggregate's history.
 */
final class AggregateStreams {

  static final int FIRST_CHUNK = 32;
  static final int CHUNK = 100;

  private final MongoCollection<BsonDocument> events;
  private final PositionLookup lookup;
  private final AggregatePositions aggregates;
  private final DecidedCommits commits;

  AggregateStreams(
      MongoCollection<BsonDocument> events,
      PositionLookup lookup,
      AggregatePositions aggregates,
      DecidedCommits commits) {
    this.events = events;
    this.lookup = lookup;
    this.aggregates = aggregates;
    this.commits = commits;
  }

  /** Every event of the aggregate from {@code firstSequenceNumber} on, in order. */
  List<DomainEventData<JsonNode>> from(String identifier, long firstSequenceNumber) {
    return stored(identifier, firstSequenceNumber).stream().map(StoredEvent::domain).toList();
  }

  /** Every stored event of the aggregate from {@code firstSequenceNumber} on, in order. */
  List<StoredEvent> stored(String identifier, long firstSequenceNumber) {
    return stored(identifier, firstSequenceNumber, CHUNK);
  }

  /**
   * Every stored event of the aggregate from {@code firstSequenceNumber} on, in order, read in
   * chunks of at most {@code maxChunk} ids.
   */
  List<StoredEvent> stored(String identifier, long firstSequenceNumber, int maxChunk) {
    List<StoredEvent> result = new ArrayList<>();
    long next = firstSequenceNumber;
    int chunk = Math.min(FIRST_CHUNK, maxChunk);
    while (true) {
      List<StoredEvent> found = chunk(identifier, next, chunk);
      result.addAll(found);
      if (found.size() < chunk) {
        return result;
      }
      next += chunk;
      chunk = maxChunk;
    }
  }

  /** The highest sequence number stored from {@code next} on, or {@code last} if there is none. */
  Long lastSequenceFrom(String aggregateId, long next, Long last) {
    while (true) {
      List<StoredEvent> found = chunk(aggregateId, next, CHUNK);
      if (!found.isEmpty()) {
        last = found.get(found.size() - 1).sequenceNumber();
      }
      if (found.size() < CHUNK) {
        return last;
      }
      next += CHUNK;
    }
  }

  /** The contiguous run of an aggregate's events starting at {@code first}, at most {@code n}. */
  List<StoredEvent> chunk(String aggregateId, long first, int n) {
    List<BsonValue> ids = new ArrayList<>(n);
    for (long seq = first; seq < first + n; seq++) {
      ids.add(new BsonString(EventDocuments.documentId(aggregateId, seq)));
    }
    List<StoredEvent> found = new ArrayList<>();
    for (BsonDocument document : events.find(Filters.in(EventDocuments.ID, ids))) {
      found.add(EventDocuments.fromDocument(document));
    }
    found.sort(Comparator.comparingLong(StoredEvent::sequenceNumber));
    List<StoredEvent> contiguous = new ArrayList<>(found.size());
    long expected = first;
    for (StoredEvent event : found) {
      if (event.sequenceNumber() != expected) {
        break;
      }
      contiguous.add(event);
      expected++;
    }
    List<StoredEvent> decided = decidedPrefix(contiguous);
    if (!decided.isEmpty()) {
      // the commit's last position: a later commit of this aggregate must come after all of it
      aggregates.remember(
          aggregateId, decided.stream().mapToLong(StoredEvent::decider).max().getAsLong());
    }
    return decided;
  }

  /**
   * The events up to the first one whose commit is pending or aborted. Only the run's last commit
   * can be either: whoever wrote a later commit of the aggregate had loaded the earlier events, and
   * a load shows decided commits only. The last commit is decided if its last event is in the run,
   * is known here to be stored, or is found stored.
   */
  private List<StoredEvent> decidedPrefix(List<StoredEvent> run) {
    if (run.isEmpty()) {
      return run;
    }
    long decider = run.get(run.size() - 1).decider();
    int tail = run.size();
    while (tail > 0 && run.get(tail - 1).decider() == decider) {
      tail--;
    }
    return decided(decider, run) ? run : run.subList(0, tail);
  }

  private boolean decided(long decider, List<StoredEvent> run) {
    if (commits.known(decider)) {
      return true;
    }
    for (StoredEvent event : run) {
      if (event.globalIndex() == decider) {
        return true;
      }
    }
    List<StoredEvent> found = new ArrayList<>();
    lookup.fetch(List.of(decider), found);
    if (!found.isEmpty() && !found.get(0).tombstone()) {
      commits.remember(decider);
      return true;
    }
    return false;
  }
}
