package de.rathaus.infra.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.rathaus.application.shared.IdempotencyRecords;
import de.rathaus.application.shared.IdempotencyRecords.Claim;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoIdempotencyRecordsTest {

  private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration LEASE = Duration.ofSeconds(6);

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

  private Claim claim(String key, String fingerprint, String attempt, Instant now) {
    return records.claim(key, fingerprint, attempt, now, now.minus(DAY));
  }

  @Test
  void theFirstClaimOwnsTheKeyAndLaterOnesSeeItsAnswer() {
    Claim first = claim("k", "f", "a1", T);
    assertThat(first.owned()).isTrue();
    Claim running = claim("k", "f", "a2", T.plusSeconds(1));
    assertThat(running.owned()).isFalse();
    assertThat(running.answer()).isNull();

    assertThat(records.complete("k", "a1", "{\"id\":\"r1\"}")).isTrue();

    Claim answered = claim("k", "other", "a3", T.plusSeconds(2));
    assertThat(answered.owned()).isFalse();
    assertThat(answered.answer()).isEqualTo("{\"id\":\"r1\"}");
    assertThat(answered.fingerprint()).isEqualTo("f");
  }

  @Test
  void aReleasedKeyMayBeClaimedAgainAsANewRequest() {
    Claim first = claim("k", "f", "a1", T);
    records.release("k", "a1");

    Claim again = claim("k", "f", "a2", T.plusSeconds(1));
    assertThat(again.owned()).isTrue();
    assertThat(again.identity()).isNotEqualTo(first.identity());
  }

  @Test
  void aHeldClaimIsNeverTakenOverByTimeOnlyByItsUnchangedLease() {
    Claim first = claim("k", "f", "a1", T);

    Claim later = claim("k", "f", "a2", T.plus(DAY).minusSeconds(1));
    assertThat(later.owned()).as("stored times decide nothing").isFalse();
    assertThat(later.holder()).isEqualTo("a1");
    assertThat(later.renewals()).isZero();

    Claim takenOver = records.takeOver("k", first.identity(), "a1", 0, "a3", T.plusSeconds(7));
    assertThat(takenOver.owned()).as("taken over").isTrue();
    assertThat(takenOver.identity()).as("the same request").isEqualTo(first.identity());
    assertThat(claim("k", "f", "a4", T.plusSeconds(8)).holder()).isEqualTo("a3");
  }

  @Test
  void aRenewedLeaseIsNotTakenOver() {
    Claim first = claim("k", "f", "a1", T);
    assertThat(records.renew("k", "a1")).isTrue();

    assertThat(records.takeOver("k", first.identity(), "a1", 0, "a2", T).owned())
        .as("renewed since it was seen")
        .isFalse();
    Claim seen = claim("k", "f", "a3", T);
    assertThat(seen.renewals()).isEqualTo(1);
    assertThat(records.takeOver("k", first.identity(), "a1", 1, "a2", T).owned()).isTrue();
    assertThat(records.renew("k", "a1")).as("the holder lost its lease").isFalse();
  }

  @Test
  void anAnsweredClaimIsNotTakenOver() {
    Claim first = claim("k", "f", "a1", T);
    records.complete("k", "a1", "{}");

    assertThat(records.takeOver("k", first.identity(), "a1", 0, "a2", T).owned()).isFalse();
    assertThat(claim("k", "f", "a3", T).answer()).isEqualTo("{}");
  }

  @Test
  void aSuspendedClaimIsOpenForARetryAtOnceWithItsIdentity() {
    Claim first = claim("k", "f", "a1", T);
    records.suspend("k", "a1");

    Claim retry = claim("k", "f", "a2", T.plusSeconds(1));
    assertThat(retry.owned()).isTrue();
    assertThat(retry.identity()).isEqualTo(first.identity());
  }

  @Test
  void anAnsweredKeyIsKeptForADayNotJustTheLease() {
    Claim first = claim("k", "f", "a1", T);
    records.complete("k", "a1", "{}");

    assertThat(claim("k", "f", "a2", T.plus(LEASE).plusSeconds(1)).answer()).isEqualTo("{}");
    Claim expired = claim("k", "f", "a3", T.plus(DAY).plusSeconds(1));
    assertThat(expired.owned()).as("expired: a new request").isTrue();
    assertThat(expired.identity()).isNotEqualTo(first.identity());
  }
}
