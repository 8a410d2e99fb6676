package de.rathaus.infra.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.rathaus.application.shared.IdempotencyRecords;
import de.rathaus.application.shared.IdempotencyRecords.Entry;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoIdempotencyRecordsTest {

  private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration LEASE = Duration.ofMinutes(2);

  @TempDir Path dataDir;
  private EmbeddedMongoServer server;
  private MongoClient client;
  private IdempotencyRecords records;

  @BeforeEach
  void start() {
    server = EmbeddedMongoServer.start(dataDir);
    client = MongoClients.create(server.connectionString());
    records = new MongoIdempotencyRecords(client.getDatabase("t"));
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private Optional<Entry> claim(String key, String fingerprint, Instant now) {
    return records.claim(key, fingerprint, now, now.minus(DAY), now.minus(LEASE));
  }

  @Test
  void theFirstClaimOwnsTheKeyAndLaterOnesSeeItsAnswer() {
    assertThat(claim("k", "f", T)).isEmpty();
    assertThat(claim("k", "f", T.plusSeconds(1))).get().extracting(Entry::answer).isNull();

    records.complete("k", "{\"id\":\"r1\"}");

    assertThat(claim("k", "other", T.plusSeconds(2)))
        .get()
        .satisfies(
            e -> {
              assertThat(e.answer()).isEqualTo("{\"id\":\"r1\"}");
              assertThat(e.fingerprint()).isEqualTo("f");
            });
  }

  @Test
  void aReleasedKeyMayBeClaimedAgain() {
    claim("k", "f", T);
    records.release("k");

    assertThat(claim("k", "f", T.plusSeconds(1))).isEmpty();
  }

  @Test
  void aClaimWithoutAnswerPastItsLeaseIsAbandoned() {
    claim("k", "f", T);

    assertThat(claim("k", "f", T.plus(LEASE).minusSeconds(1))).isPresent();
    assertThat(claim("k", "f", T.plus(LEASE).plusSeconds(1))).as("claimed anew").isEmpty();
  }

  @Test
  void anAnsweredKeyIsKeptForADayNotJustTheLease() {
    claim("k", "f", T);
    records.complete("k", "{}");

    assertThat(claim("k", "f", T.plus(LEASE).plusSeconds(1)))
        .get()
        .extracting(Entry::answer)
        .isEqualTo("{}");
    assertThat(claim("k", "f", T.plus(DAY).plusSeconds(1))).as("expired").isEmpty();
  }
}
