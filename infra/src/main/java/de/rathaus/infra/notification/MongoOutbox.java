package de.rathaus.infra.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.rathaus.application.notification.DeliveryStatus;
import de.rathaus.application.notification.LeaseWatch;
import de.rathaus.application.notification.Mail;
import de.rathaus.application.notification.NotificationKind;
import de.rathaus.application.notification.Outbox;
import de.rathaus.application.notification.OutboxMessage;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The outbox on MongoDB: one document per message keyed by its event's id, in a collection of its
 * own that no read-model generation owns (a rebuild never drops it). The delivery fields are plain;
 * the mail is stored encrypted under the recipient's key ({@code sealed}, written with the
 * protecting mapper) and removed once the message is done. Claims and status changes are
 * conditional single-document updates, atomic on MongoDB and on the embedded server. Whether a
 * claim's lease has ended is judged by this instance's {@link LeaseWatch} (how long it saw the
 * lease unchanged on its monotonic clock), never by the stored {@code leaseUntil}, which comes from
 * the owner's clock and is kept for the operator. On the embedded server each write is committed to
 * its file at once, so a message recorded as sent stays so after a crash.
 *
 * <p>Which messages are due is a scan on the embedded server (which indexes only {@code _id}); on a
 * real MongoDB the index {@code due} serves it.
 */
public class MongoOutbox implements Outbox {

  static final String COLLECTION = "notification_outbox";

  private static final String ID = "_id";
  private static final String RECIPIENT = "recipient";
  private static final String KIND = "kind";
  private static final String STATUS = "status";
  private static final String ATTEMPTS = "attempts";
  private static final String CREATED = "createdAt";
  private static final String NEXT = "nextAttemptAt";
  private static final String LEASE = "leaseUntil";
  private static final String LEASE_LENGTH = "leaseMillis";
  private static final String OWNER = "owner";
  private static final String SENT = "sentAt";
  private static final String ERROR = "lastError";
  private static final String SEALED = "sealed";

  /** The mail as stored: named by its recipient, so that it is sealed under their key. */
  record SealedMail(@DataSubject CitizenId recipient, @PersonalData Mail mail) {
    @Override
    public String toString() {
      return "SealedMail[personal data]";
    }
  }

  private final MongoCollection<Document> documents;
  private final ObjectMapper json;
  private final Runnable afterWrite;
  private final LeaseWatch leases;

  /**
   * @param json the protecting mapper
   * @param afterWrite what makes a write durable (the embedded server's commit), or nothing
   */
  public MongoOutbox(MongoDatabase database, ObjectMapper json, Runnable afterWrite) {
    this(database, json, afterWrite, System::nanoTime);
  }

  MongoOutbox(
      MongoDatabase database, ObjectMapper json, Runnable afterWrite, LongSupplier nanoTime) {
    this.leases = new LeaseWatch(nanoTime);
    this.documents = database.getCollection(COLLECTION);
    this.json = json;
    this.afterWrite = afterWrite;
    documents.createIndexes(
        List.of(
            new IndexModel(Indexes.ascending(STATUS, NEXT), new IndexOptions().name("due")),
            new IndexModel(Indexes.ascending(RECIPIENT), new IndexOptions().name("recipient"))));
  }

  @Override
  public boolean add(OutboxMessage message) {
    Document document =
        new Document(ID, message.id())
            .append(RECIPIENT, message.recipient().value())
            .append(KIND, message.kind().name())
            .append(STATUS, message.status().name())
            .append(ATTEMPTS, message.attempts())
            .append(CREATED, Date.from(message.createdAt()))
            .append(NEXT, Date.from(message.nextAttemptAt()))
            .append(SEALED, seal(message.recipient(), message.mail()));
    try {
      documents.insertOne(document);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
    afterWrite.run();
    return true;
  }

  @Override
  public Optional<OutboxMessage> find(String id) {
    return Optional.ofNullable(documents.find(Filters.eq(ID, id)).first()).map(this::message);
  }

  private static Bson due(Instant now) {
    return Filters.and(
        Filters.eq(STATUS, DeliveryStatus.PENDING.name()), Filters.lte(NEXT, Date.from(now)));
  }

  /** A lease before lengths were stored (an older version's claim) counts as this long. */
  private static final Duration UNRECORDED_LEASE = Duration.ofMinutes(2);

  private static LeaseWatch.Lease lease(Document d) {
    Number length = d.get(LEASE_LENGTH, Number.class);
    return new LeaseWatch.Lease(
        d.getString(OWNER),
        d.getInteger(ATTEMPTS, 0),
        length == null ? UNRECORDED_LEASE : Duration.ofMillis(length.longValue()));
  }

  /**
   * Pending messages due at {@code now} (a time of this instance's clock, compared with a time of
   * the clock of the instance that gave the message back: off by a skew, a retry comes that much
   * earlier or later, never twice), and claimed ones whose lease this instance has seen unchanged
   * for its length.
   */
  @Override
  public List<String> claimable(Instant now, int limit) {
    List<Document> candidates = new ArrayList<>();
    documents
        .find(due(now))
        .projection(new Document(ID, 1).append(CREATED, 1))
        .sort(Sorts.ascending(CREATED, ID))
        .limit(limit)
        .into(candidates);
    List<String> claimed = new ArrayList<>();
    documents
        .find(Filters.eq(STATUS, DeliveryStatus.SENDING.name()))
        .projection(
            new Document(ID, 1)
                .append(CREATED, 1)
                .append(OWNER, 1)
                .append(ATTEMPTS, 1)
                .append(LEASE_LENGTH, 1))
        .forEach(
            d -> {
              claimed.add(d.getString(ID));
              if (leases.ended(d.getString(ID), lease(d))) {
                candidates.add(d);
              }
            });
    leases.keepOnly(claimed);
    return candidates.stream()
        .sorted(
            Comparator.comparing((Document d) -> d.getDate(CREATED))
                .thenComparing(d -> d.getString(ID)))
        .limit(limit)
        .map(d -> d.getString(ID))
        .toList();
  }

  /**
   * Claims a message due, or one whose lease this instance has seen end, only if it is still that
   * same lease (owner and attempt). The lease's length is {@code leaseUntil} - {@code now}, both of
   * this instance's clock; the end itself is stored for the operator.
   */
  @Override
  public Optional<OutboxMessage> claim(String id, String owner, Instant now, Instant leaseUntil) {
    Bson claimable = due(now);
    Optional<LeaseWatch.Lease> ended = leases.endedLease(id);
    if (ended.isPresent()) {
      claimable =
          Filters.or(
              claimable,
              Filters.and(
                  Filters.eq(STATUS, DeliveryStatus.SENDING.name()),
                  Filters.eq(OWNER, ended.get().owner()),
                  Filters.eq(ATTEMPTS, ended.get().attempt())));
    }
    Document claimed =
        documents.findOneAndUpdate(
            Filters.and(Filters.eq(ID, id), claimable),
            Updates.combine(
                Updates.set(STATUS, DeliveryStatus.SENDING.name()),
                Updates.set(OWNER, owner),
                Updates.set(LEASE, Date.from(leaseUntil)),
                Updates.set(LEASE_LENGTH, Duration.between(now, leaseUntil).toMillis()),
                Updates.inc(ATTEMPTS, 1)),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    if (claimed == null) {
      return Optional.empty();
    }
    afterWrite.run();
    return Optional.of(message(claimed));
  }

  private boolean change(String id, String owner, Bson update) {
    boolean changed =
        documents
                .updateOne(
                    Filters.and(
                        Filters.eq(ID, id),
                        Filters.eq(STATUS, DeliveryStatus.SENDING.name()),
                        Filters.eq(OWNER, owner)),
                    Updates.combine(
                        update,
                        Updates.unset(OWNER),
                        Updates.unset(LEASE),
                        Updates.unset(LEASE_LENGTH)))
                .getModifiedCount()
            > 0;
    if (changed) {
      afterWrite.run();
    }
    return changed;
  }

  @Override
  public boolean sent(String id, String owner, Instant at) {
    return change(
        id,
        owner,
        Updates.combine(
            Updates.set(STATUS, DeliveryStatus.SENT.name()),
            Updates.set(SENT, Date.from(at)),
            Updates.unset(SEALED)));
  }

  @Override
  public boolean retry(String id, String owner, Instant nextAttemptAt, String error) {
    return change(
        id,
        owner,
        Updates.combine(
            Updates.set(STATUS, DeliveryStatus.PENDING.name()),
            Updates.set(NEXT, Date.from(nextAttemptAt)),
            Updates.set(ERROR, error)));
  }

  @Override
  public boolean end(String id, String owner, DeliveryStatus status, String error) {
    List<Bson> updates = new ArrayList<>();
    updates.add(Updates.set(STATUS, status.name()));
    updates.add(Updates.unset(SEALED));
    if (error != null) {
      updates.add(Updates.set(ERROR, error));
    }
    return change(id, owner, Updates.combine(updates));
  }

  @Override
  public int endPendingOf(CitizenId recipient, DeliveryStatus status) {
    long ended =
        documents
            .updateMany(
                Filters.and(
                    Filters.eq(RECIPIENT, recipient.value()),
                    Filters.eq(STATUS, DeliveryStatus.PENDING.name())),
                Updates.combine(Updates.set(STATUS, status.name()), Updates.unset(SEALED)))
            .getModifiedCount();
    if (ended > 0) {
      afterWrite.run();
    }
    return (int) ended;
  }

  @Override
  public List<OutboxMessage> of(CitizenId recipient) {
    List<OutboxMessage> messages = new ArrayList<>();
    documents
        .find(Filters.eq(RECIPIENT, recipient.value()))
        .sort(Sorts.ascending(CREATED, ID))
        .forEach(d -> messages.add(message(d)));
    return messages;
  }

  private Document seal(CitizenId recipient, Mail mail) {
    try {
      return Document.parse(json.writeValueAsString(new SealedMail(recipient, mail)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A notification could not be sealed", e);
    }
  }

  /** The mail of a stored message: {@code null} once it is done or its recipient erased. */
  private Mail open(Document document) {
    Document sealed = document.get(SEALED, Document.class);
    if (sealed == null) {
      return null;
    }
    try {
      return json.readValue(sealed.toJson(), SealedMail.class).mail();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A notification could not be read", e);
    }
  }

  private OutboxMessage message(Document d) {
    return new OutboxMessage(
        d.getString(ID),
        new CitizenId(d.getString(RECIPIENT)),
        NotificationKind.valueOf(d.getString(KIND)),
        open(d),
        DeliveryStatus.valueOf(d.getString(STATUS)),
        d.getInteger(ATTEMPTS, 0),
        instant(d.getDate(CREATED)),
        instant(d.getDate(NEXT)),
        instant(d.getDate(SENT)),
        d.getString(ERROR));
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
