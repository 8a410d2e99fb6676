package de.rathaus.infra.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.rathaus.application.notification.DeliveryStatus;
import de.rathaus.application.notification.InMemoryNotificationRecords;
import de.rathaus.application.notification.Mail;
import de.rathaus.application.notification.MailServer;
import de.rathaus.application.notification.NotificationDelivery;
import de.rathaus.application.notification.NotificationKind;
import de.rathaus.application.notification.OutboxMessage;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import de.rathaus.infra.privacy.CachingSubjectKeyStore;
import de.rathaus.infra.privacy.FileSubjectKeyStore;
import de.rathaus.infra.privacy.ProtectedJson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engine instances send from one outbox while their clocks differ by 30 s either way
 * (RATHAUS_CLOCK_OFFSET): no message is sent twice and none is lost. A lease is judged by how long
 * the claimer saw it unchanged on its own monotonic clock, never by comparing the owner's stored
 * time with the claimer's wall clock.
 */
class MongoOutboxClockSkewTest {

  private static final Duration SKEW = Duration.ofSeconds(30);
  private static final Duration LEASE = Duration.ofSeconds(2);
  private static final NotificationDelivery.Policy POLICY =
      new NotificationDelivery.Policy(50, LEASE, 3, Duration.ofSeconds(1), Duration.ofSeconds(1));
  private static final CitizenId ANNA = new CitizenId("anna");
  private static final Mail MAIL = new Mail("anna@example.org", "Ihr Antrag", "Guten Tag Anna");

  @TempDir Path dataDir;
  private EmbeddedMongoServer server;
  private MongoClient client;
  private MongoDatabase database;
  private ObjectMapper protecting;
  private final List<String> accepted = new ArrayList<>();
  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  @BeforeEach
  void start() {
    server = EmbeddedMongoServer.start(dataDir);
    client = MongoClients.create(server.connectionString());
    database = client.getDatabase("rathaus");
    ObjectMapper application =
        JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    protecting =
        ProtectedJson.of(
                application,
                new CachingSubjectKeyStore(
                    FileSubjectKeyStore.in(dataDir.resolve("keys")), Duration.ofSeconds(60)))
            .mapper();
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
    client.close();
    server.close();
  }

  /** An instance's outbox: its own adapter on the shared store. */
  private MongoOutbox outbox() {
    return new MongoOutbox(database, protecting, () -> {});
  }

  /** An instance's sender whose clock is off by {@code offset}. */
  private NotificationDelivery sender(MongoOutbox outbox, Duration offset, MailServer mail) {
    return new NotificationDelivery(
        outbox,
        new InMemoryNotificationRecords.Settings(),
        mail,
        Clock.offset(Clock.systemUTC(), offset),
        POLICY);
  }

  private MailServer recording(String instance) {
    return mail -> {
      synchronized (accepted) {
        accepted.add(instance + ":" + mail.subject());
      }
    };
  }

  private void waiting(MongoOutbox outbox, String id) {
    outbox.add(
        OutboxMessage.pending(
            id, ANNA, NotificationKind.SUBMITTED, MAIL, Instant.now().minus(Duration.ofHours(1))));
  }

  @Test
  void aSenderWhoseClockIsAheadTakesNoLiveLease() throws Exception {
    MongoOutbox first = outbox();
    MongoOutbox ahead = outbox();
    waiting(first, "e1");
    CountDownLatch sending = new CountDownLatch(1);
    CountDownLatch accept = new CountDownLatch(1);
    MailServer slow =
        mail -> {
          sending.countDown();
          try {
            accept.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          recording("first").send(mail);
        };
    Future<NotificationDelivery.Run> firstRun =
        pool.submit(() -> sender(first, Duration.ZERO, slow).deliver());
    assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();

    // the first sender is within its lease, handing the mail to its server
    NotificationDelivery.Run aheadRun = sender(ahead, SKEW, recording("ahead")).deliver();
    accept.countDown();

    assertThat(aheadRun.sent()).as("the live lease is not taken").isZero();
    assertThat(firstRun.get(10, TimeUnit.SECONDS).sent()).isEqualTo(1);
    assertThat(sender(ahead, SKEW, recording("ahead")).deliver().sent()).isZero();
    assertThat(accepted).containsExactly("first:Ihr Antrag");
    assertThat(first.find("e1").orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
  }

  @Test
  void aSenderWhoseClockIsBehindTakesOverADeadLeaseAfterTheLease() throws Exception {
    assertDeadLeaseTakenOverAfterTheLease(SKEW.negated());
  }

  @Test
  void aSenderWhoseClockIsAheadTakesOverADeadLeaseOnlyAfterTheLease() throws Exception {
    assertDeadLeaseTakenOverAfterTheLease(SKEW);
  }

  /**
   * The first instance claimed the message and was killed before its mail server accepted it: the
   * other instance, its clock off by {@code offset}, sends it once the lease has run out, not
   * before and not 30 s late.
   */
  private void assertDeadLeaseTakenOverAfterTheLease(Duration offset) throws Exception {
    MongoOutbox first = outbox();
    MongoOutbox other = outbox();
    waiting(first, "e1");
    Instant firstNow = Instant.now();
    assertThat(first.claim("e1", "killed", firstNow, firstNow.plus(LEASE))).isPresent();
    long claimed = System.nanoTime();

    NotificationDelivery sender = sender(other, offset, recording("other"));
    Duration took = null;
    // the sender's own schedule: a run every 100 ms, for at most ten leases
    while (System.nanoTime() - claimed < LEASE.multipliedBy(10).toNanos()) {
      if (sender.deliver().sent() == 1) {
        took = Duration.ofNanos(System.nanoTime() - claimed);
        break;
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }

    assertThat(took).as("the message is not lost").isNotNull();
    assertThat(took).as("not before the lease ran out").isGreaterThanOrEqualTo(LEASE);
    assertThat(took).as("not a clock skew late").isLessThan(LEASE.multipliedBy(3));
    assertThat(accepted).containsExactly("other:Ihr Antrag");
    assertThat(sender.deliver().sent()).isZero();
  }
}
