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
import de.rathaus.application.notification.Mail;
import de.rathaus.application.notification.NotificationKind;
import de.rathaus.application.notification.Outbox;
import de.rathaus.application.notification.OutboxMessage;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The outbox on MongoDB: one document per message keyed by its event's id, in a collection of its
 * own that no read-model generation owns (a rebuild never drops it). The delivery fields are plain;
 * the mail is stored encrypted under the recipient's key ({@code sealed}, written with the
 * protecting mapper) and removed once the message is done. Claims and status changes are
 * conditional single-document updates, atomic on MongoDB and on the embedded server. On the
 * embedded server each write is committed to its file at once, so a message recorded as sent stays
 * so after a crash.
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

  /**
   * @param json the protecting mapper
   * @param afterWrite what makes a write durable (the embedded server's commit), or nothing
   */
  public MongoOutbox(MongoDatabase database, ObjectMapper json, Runnable afterWrite) {
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

  private static Bson claimable(Instant now) {
    return Filters.or(
        Filters.and(
            Filters.eq(STATUS, DeliveryStatus.PENDING.name()), Filters.lte(NEXT, Date.from(now))),
        Filters.and(
            Filters.eq(STATUS, DeliveryStatus.SENDING.name()), Filters.lt(LEASE, Date.from(now))));
  }

  @Override
  public List<String> claimable(Instant now, int limit) {
    List<String> ids = new ArrayList<>();
    documents
        .find(claimable(now))
        .projection(new Document(ID, 1))
        .sort(Sorts.ascending(CREATED, ID))
        .limit(limit)
        .forEach(d -> ids.add(d.getString(ID)));
    return ids;
  }

  @Override
  public Optional<OutboxMessage> claim(String id, String owner, Instant now, Instant leaseUntil) {
    Document claimed =
        documents.findOneAndUpdate(
            Filters.and(Filters.eq(ID, id), claimable(now)),
            Updates.combine(
                Updates.set(STATUS, DeliveryStatus.SENDING.name()),
                Updates.set(OWNER, owner),
                Updates.set(LEASE, Date.from(leaseUntil)),
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
                    Updates.combine(update, Updates.unset(OWNER), Updates.unset(LEASE)))
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
