package de.rathaus.infra.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.rathaus.application.notification.DeliveryStatus;
import de.rathaus.application.notification.Mail;
import de.rathaus.application.notification.NotificationKind;
import de.rathaus.application.notification.OutboxMessage;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import de.rathaus.infra.privacy.CachingSubjectKeyStore;
import de.rathaus.infra.privacy.FileSubjectKeyStore;
import de.rathaus.infra.privacy.ProtectedJson;
import de.rathaus.infra.privacy.SubjectKeyStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox on the embedded server: stored once, sealed at rest, claimed by one sender. */
class MongoOutboxTest {

  private static final Instant T = Instant.parse("2026-04-02T08:00:00Z");
  private static final CitizenId ANNA = new CitizenId("anna");
  private static final Mail MAIL = new Mail("anna@example.org", "Ihr Antrag", "Guten Tag Anna");

  @TempDir Path dataDir;
  private EmbeddedMongoServer server;
  private MongoClient client;
  private MongoDatabase database;
  private SubjectKeyStore keys;
  private MongoOutbox outbox;
  private final AtomicInteger commits = new AtomicInteger();
  private final AtomicLong nanos = new AtomicLong();

  @BeforeEach
  void start() {
    server = EmbeddedMongoServer.start(dataDir);
    client = MongoClients.create(server.connectionString());
    database = client.getDatabase("rathaus");
    keys =
        new CachingSubjectKeyStore(
            FileSubjectKeyStore.in(dataDir.resolve("keys")), Duration.ofSeconds(60));
    ObjectMapper application =
        JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    outbox =
        new MongoOutbox(
            database,
            ProtectedJson.of(application, keys).mapper(),
            commits::incrementAndGet,
            nanos::get);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static OutboxMessage message(String id) {
    return OutboxMessage.pending(id, ANNA, NotificationKind.SUBMITTED, MAIL, T);
  }

  @Test
  void aMessageIsStoredOnceByItsId() {
    assertThat(outbox.add(message("e1"))).isTrue();
    assertThat(outbox.add(message("e1"))).isFalse();
    assertThat(database.getCollection(MongoOutbox.COLLECTION).countDocuments()).isEqualTo(1);
    assertThat(outbox.find("e1").orElseThrow().mail()).isEqualTo(MAIL);
  }

  @Test
  void neitherAddressNorTextIsStoredInTheClear() {
    outbox.add(message("e1"));
    String stored = database.getCollection(MongoOutbox.COLLECTION).find().first().toJson();
    assertThat(stored).doesNotContain("anna@example.org").doesNotContain("Guten Tag");
  }

  @Test
  void afterTheRecipientsErasureTheMailIsUnreadable() {
    outbox.add(message("e1"));
    keys.destroy(ANNA.value());
    assertThat(outbox.find("e1").orElseThrow().mail()).isNull();
  }

  @Test
  void oneSenderAloneClaimsAMessage() {
    outbox.add(message("e1"));
    assertThat(outbox.claimable(T, 10)).containsExactly("e1");
    assertThat(outbox.claim("e1", "a", T, T.plusSeconds(60))).isPresent();
    assertThat(outbox.claim("e1", "b", T, T.plusSeconds(60))).isEmpty();
    assertThat(outbox.claimable(T.plusSeconds(30), 10)).isEmpty();
    assertThat(outbox.sent("e1", "b", T)).as("not b's").isFalse();
    assertThat(outbox.sent("e1", "a", T.plusSeconds(1))).isTrue();
    OutboxMessage sent = outbox.find("e1").orElseThrow();
    assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(sent.attempts()).isEqualTo(1);
    assertThat(sent.mail()).isNull();
    Document raw = database.getCollection(MongoOutbox.COLLECTION).find().first();
    assertThat(raw).doesNotContainKey("sealed").doesNotContainKey("owner");
    assertThat(outbox.claimable(T.plusSeconds(600), 10)).isEmpty();
  }

  @Test
  void aClaimWhoseLeaseEndedIsTakenOver() {
    outbox.add(message("e1"));
    outbox.claim("e1", "a", T, T.plusSeconds(60));
    assertThat(outbox.claimable(T, 10)).as("seen, within its lease").isEmpty();
    assertThat(outbox.claim("e1", "b", T.plusSeconds(61), T.plusSeconds(120))).isEmpty();
    nanos.addAndGet(Duration.ofSeconds(61).toNanos());
    assertThat(outbox.claimable(T, 10))
        .as("seen unchanged for its lease, whatever the wall clock says")
        .containsExactly("e1");
    assertThat(outbox.claim("e1", "b", T.plusSeconds(61), T.plusSeconds(120)))
        .hasValueSatisfying(m -> assertThat(m.attempts()).isEqualTo(2));
  }

  @Test
  void aRetryWaitsUntilItsNextAttempt() {
    outbox.add(message("e1"));
    outbox.claim("e1", "a", T, T.plusSeconds(60));
    assertThat(outbox.retry("e1", "a", T.plusSeconds(30), "MailSendException")).isTrue();
    assertThat(outbox.claimable(T.plusSeconds(29), 10)).isEmpty();
    assertThat(outbox.claimable(T.plusSeconds(30), 10)).containsExactly("e1");
    assertThat(outbox.find("e1").orElseThrow().lastError()).isEqualTo("MailSendException");
  }

  @Test
  void endingWhatWaitsForACitizenForgetsTheirMails() {
    outbox.add(message("e1"));
    outbox.add(message("e2"));
    outbox.claim("e2", "a", T, T.plusSeconds(60));
    assertThat(outbox.endPendingOf(ANNA, DeliveryStatus.CANCELLED)).isEqualTo(1);
    assertThat(outbox.find("e1").orElseThrow().status()).isEqualTo(DeliveryStatus.CANCELLED);
    assertThat(outbox.find("e1").orElseThrow().mail()).isNull();
    assertThat(outbox.find("e2").orElseThrow().status()).isEqualTo(DeliveryStatus.SENDING);
  }

  @Test
  void everyChangeIsMadeDurable() {
    outbox.add(message("e1"));
    outbox.claim("e1", "a", T, T.plusSeconds(60));
    outbox.sent("e1", "a", T);
    assertThat(commits).hasValue(3);
  }
}
