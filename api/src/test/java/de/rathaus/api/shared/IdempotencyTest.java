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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The rules of the key around a store kept in memory; the HTTP side is in IdempotencyIT. */
class IdempotencyTest {

  /** Records in memory, as the rules see them. */
  static final class InMemoryRecords implements IdempotencyRecords {
    record Held(String fingerprint, String identity, String attempt, String answer, Instant at) {}

    final Map<String, Held> entries = new HashMap<>();

    @Override
    public synchronized Claim claim(
        String key,
        String fingerprint,
        String attempt,
        Instant now,
        Instant expiredBefore,
        Instant abandonedBefore) {
      Held held = entries.get(key);
      if (held == null) {
        Held created = new Held(fingerprint, UUID.randomUUID().toString(), attempt, null, now);
        entries.put(key, created);
        return new Claim(true, created.identity(), fingerprint, null);
      }
      if (held.answer() != null || !held.fingerprint().equals(fingerprint)) {
        return new Claim(false, held.identity(), held.fingerprint(), held.answer());
      }
      if (held.attempt() == null || held.at().isBefore(abandonedBefore)) {
        entries.put(key, new Held(fingerprint, held.identity(), attempt, null, now));
        return new Claim(true, held.identity(), fingerprint, null);
      }
      return new Claim(false, held.identity(), fingerprint, null);
    }

    @Override
    public synchronized boolean complete(String key, String attempt, String answer) {
      Held held = entries.get(key);
      if (held == null || !attempt.equals(held.attempt())) {
        return false;
      }
      entries.put(key, new Held(held.fingerprint(), held.identity(), attempt, answer, held.at()));
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
                  ? new Held(held.fingerprint(), held.identity(), null, null, held.at())
                  : held);
    }

    /** As if the attempt holding {@code key} still ran, without an answer yet. */
    synchronized void stillRunning(String key) {
      Held held = entries.get(key);
      entries.put(
          key, new Held(held.fingerprint(), held.identity(), "running", null, Instant.now()));
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
          Duration.ofMillis(200));
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
