package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.rathaus.application.shared.IdempotencyRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The rules of the key around a store kept in memory; the HTTP side is in IdempotencyIT. */
class IdempotencyTest {

  /** Records in memory, as the rules see them. */
  static final class InMemoryRecords implements IdempotencyRecords {
    record Held(
        String fingerprint, String identity, String attempt, String answer, long renewals) {}

    final Map<String, Held> entries = new HashMap<>();

    private static Claim claim(Held held, boolean owned) {
      return new Claim(
          owned,
          held.identity(),
          held.fingerprint(),
          held.answer(),
          held.attempt(),
          held.renewals());
    }

    @Override
    public synchronized Claim claim(
        String key, String fingerprint, String attempt, Instant now, Instant expiredBefore) {
      Held held = entries.get(key);
      if (held == null) {
        Held created = new Held(fingerprint, UUID.randomUUID().toString(), attempt, null, 0);
        entries.put(key, created);
        return claim(created, true);
      }
      if (held.answer() != null || !held.fingerprint().equals(fingerprint)) {
        return claim(held, false);
      }
      if (held.attempt() == null) {
        Held taken = new Held(fingerprint, held.identity(), attempt, null, 0);
        entries.put(key, taken);
        return claim(taken, true);
      }
      return claim(held, false);
    }

    @Override
    public synchronized Claim takeOver(
        String key, String identity, String holder, long renewals, String attempt, Instant now) {
      Held held = entries.get(key);
      if (held == null
          || !held.identity().equals(identity)
          || held.answer() != null
          || !holder.equals(held.attempt())
          || held.renewals() != renewals) {
        return new Claim(false, identity, null, null, null, 0);
      }
      Held taken = new Held(held.fingerprint(), identity, attempt, null, 0);
      entries.put(key, taken);
      return claim(taken, true);
    }

    @Override
    public synchronized boolean renew(String key, String attempt) {
      Held held = entries.get(key);
      if (held == null || !attempt.equals(held.attempt())) {
        return false;
      }
      entries.put(
          key,
          new Held(
              held.fingerprint(), held.identity(), attempt, held.answer(), held.renewals() + 1));
      return true;
    }

    @Override
    public synchronized boolean complete(String key, String attempt, String answer) {
      Held held = entries.get(key);
      if (held == null || !attempt.equals(held.attempt())) {
        return false;
      }
      entries.put(
          key, new Held(held.fingerprint(), held.identity(), attempt, answer, held.renewals()));
      return true;
    }

    @Override
    public synchronized void release(String key, String attempt) {
      entries.computeIfPresent(key, (k, held) -> attempt.equals(held.attempt()) ? null : held);
    }

    @Override
    public synchronized void suspend(String key, String attempt) {
      entries.computeIfPresent(
          key,
          (k, held) ->
              attempt.equals(held.attempt())
                  ? new Held(held.fingerprint(), held.identity(), null, null, held.renewals())
                  : held);
    }

    /**
     * As if the attempt holding {@code key} still ran on an instance that died (kill -9): held,
     * without an answer, its lease never renewed again.
     */
    synchronized void stillRunning(String key) {
      Held held = entries.get(key);
      entries.put(
          key, new Held(held.fingerprint(), held.identity(), "rathaus-dead/running", null, 7));
    }
  }

  record Answer(String id) {}

  private final InMemoryRecords records = new InMemoryRecords();
  private final Idempotency idempotency =
      new Idempotency(
          records,
          new ObjectMapper(),
          Clock.systemUTC(),
          e -> e instanceof IllegalArgumentException,
          Duration.ofMillis(200),
          Idempotency.LEASE);
  private final AtomicInteger attempts = new AtomicInteger();

  private Idempotency.Outcome<Answer> submit(String caller, String key, Map<String, ?> body) {
    return idempotency.once(
        caller, key, body, Answer.class, id -> new Answer(id + "/" + attempts.incrementAndGet()));
  }

  @Test
  void aRepeatWhileTheFirstAttemptRunsWaitsAndThenIsA409() {
    // the first attempt claimed the key and has not answered yet (it still runs)
    submit("anna", "k", Map.of("purpose", "Bank"));
    records.entries.keySet().forEach(records::stillRunning);

    assertThatThrownBy(() -> submit("anna", "k", Map.of("purpose", "Bank")))
        .isInstanceOf(Idempotency.KeyInProgress.class)
        .hasMessageNotContaining("Bank");
    assertThat(attempts).hasValue(1);
  }

  /** Another instance of the engine on the same records, with a short lease for the test. */
  private Idempotency instance(Duration waitForFirst, Duration lease) {
    return new Idempotency(
        records,
        new ObjectMapper(),
        Clock.systemUTC(),
        e -> e instanceof IllegalArgumentException,
        waitForFirst,
        lease);
  }

  @Test
  void aRetryTakesOverAnAttemptWhoseInstanceDiedOnceItsLeaseWasSeenUnrenewed() {
    List<UUID> ids = new ArrayList<>();
    idempotency.once(
        "anna", "k", Map.of("purpose", "Bank"), Answer.class, id -> new Answer("" + ids.add(id)));
    // its instance was killed while the attempt ran: the record is held, never renewed again
    records.entries.keySet().forEach(records::stillRunning);

    try (Idempotency other = instance(Duration.ofSeconds(5), Duration.ofMillis(300))) {
      long started = System.nanoTime();
      Idempotency.Outcome<Answer> retried =
          other.once(
              "anna",
              "k",
              Map.of("purpose", "Bank"),
              Answer.class,
              id -> {
                ids.add(id);
                return new Answer(id.toString());
              });
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(retried.replayed()).isFalse();
      assertThat(ids.get(1)).as("the retry makes the same request").isEqualTo(ids.get(0));
      assertThat(took)
          .as("taken over after the lease")
          .isBetween(Duration.ofMillis(300), Duration.ofSeconds(3));
    }
  }

  @Test
  void aLiveSlowAttemptIsNeverTakenOverItsRetryWaitsForItsAnswer() throws Exception {
    Duration lease = Duration.ofMillis(200);
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    try (Idempotency first = instance(Duration.ofSeconds(5), lease);
        Idempotency second = instance(Duration.ofSeconds(5), lease)) {
      var pool = Executors.newSingleThreadExecutor();
      try {
        Future<Idempotency.Outcome<Answer>> slow =
            pool.submit(
                () ->
                    first.once(
                        "anna",
                        "k",
                        Map.of("purpose", "Bank"),
                        Answer.class,
                        id -> {
                          claimed.countDown();
                          await(finish);
                          return new Answer("slow/" + attempts.incrementAndGet());
                        }));
        claimed.await();
        // the first attempt runs for five leases; then it answers
        new Thread(
                () -> {
                  sleepQuietly(lease.multipliedBy(5));
                  finish.countDown();
                })
            .start();

        Idempotency.Outcome<Answer> retried =
            second.once(
                "anna",
                "k",
                Map.of("purpose", "Bank"),
                Answer.class,
                id -> new Answer("retry/" + attempts.incrementAndGet()));

        assertThat(retried.replayed()).as("the first answer").isTrue();
        assertThat(retried.answer()).isEqualTo(slow.get(5, TimeUnit.SECONDS).answer());
        assertThat(attempts).as("the command ran once").hasValue(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The test's stand-in for a slow command (not a wait for a condition). */
  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aRepeatOnTheSameInstanceIsAnsweredAsSoonAsTheFirstEnds() throws Exception {
    CountDownLatch claimed = new CountDownLatch(1);
    AtomicLong firstEnded = new AtomicLong();
    var pool = Executors.newSingleThreadExecutor();
    try (Idempotency here = instance(Duration.ofSeconds(10), Idempotency.LEASE)) {
      pool.submit(
          () ->
              here.once(
                  "anna",
                  "k",
                  Map.of(),
                  Answer.class,
                  id -> {
                    claimed.countDown();
                    // long enough that a poll would have grown its pause past a second
                    sleepQuietly(Duration.ofSeconds(3));
                    firstEnded.set(System.nanoTime());
                    return new Answer("first");
                  }));
      claimed.await();
      Idempotency.Outcome<Answer> again =
          here.once("anna", "k", Map.of(), Answer.class, id -> new Answer("second"));
      long late = System.nanoTime() - firstEnded.get();

      assertThat(again.answer().id()).isEqualTo("first");
      assertThat(Duration.ofNanos(late))
          .as("woken by the end of the first, not by a poll")
          .isLessThan(Duration.ofMillis(250));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRepeatGetsTheFirstAnswerAndRunsNothing() {
    Idempotency.Outcome<Answer> first = submit("anna", "k", Map.of("purpose", "Bank"));
    Idempotency.Outcome<Answer> again = submit("anna", "k", Map.of("purpose", "Bank"));

    assertThat(again.answer()).isEqualTo(first.answer());
    assertThat(again.replayed()).isTrue();
    assertThat(attempts).hasValue(1);
  }

  @Test
  void anotherBodyUnderTheKeyIsRefusedWithoutQuotingIt() {
    submit("anna", "k", Map.of("purpose", "Bank"));

    assertThatThrownBy(() -> submit("anna", "k", Map.of("purpose", "Vermieter")))
        .isInstanceOf(Idempotency.KeyReused.class)
        .hasMessageNotContaining("Vermieter");
  }

  @Test
  void aFailedAttemptFreesTheKey() {
    assertThatThrownBy(
            () ->
                idempotency.once(
                    "anna",
                    "k",
                    Map.of(),
                    Answer.class,
                    id -> {
                      throw new IllegalArgumentException("refused");
                    }))
        .isInstanceOf(IllegalArgumentException.class);

    // a corrected body under the same key runs
    assertThat(submit("anna", "k", Map.of("purpose", "Bank")).replayed()).isFalse();
  }

  @Test
  void anAttemptWhoseOutcomeIsUnknownKeepsTheKeyForARetryOfTheSameRequest() {
    List<UUID> ids = new ArrayList<>();
    assertThatThrownBy(
            () ->
                idempotency.once(
                    "anna",
                    "k",
                    Map.of("purpose", "Bank"),
                    Answer.class,
                    id -> {
                      ids.add(id);
                      throw new IllegalStateException("the store did not confirm");
                    }))
        .isInstanceOf(IllegalStateException.class);

    Idempotency.Outcome<Answer> retried =
        idempotency.once(
            "anna",
            "k",
            Map.of("purpose", "Bank"),
            Answer.class,
            id -> {
              ids.add(id);
              return new Answer(id.toString());
            });

    assertThat(retried.replayed()).isFalse();
    assertThat(ids).hasSize(2);
    assertThat(ids.get(1)).as("the retry makes the same request").isEqualTo(ids.get(0));
    assertThatThrownBy(() -> submit("anna", "k", Map.of("purpose", "Vermieter")))
        .as("the key is not given up")
        .isInstanceOf(Idempotency.KeyReused.class);
  }

  @Test
  void keysOfTwoCallersMakeTwoRequests() {
    assertThat(submit("anna", "k", Map.of()).answer())
        .isNotEqualTo(submit("ben", "k", Map.of()).answer());
  }
}
