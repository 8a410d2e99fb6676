package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.rathaus.application.shared.IdempotencyRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The rules of the key around a store kept in memory; the HTTP side is in IdempotencyIT. */
class IdempotencyTest {

  /** Records in memory, as the rules see them. */
  static final class InMemoryRecords implements IdempotencyRecords {
    final Map<String, Entry> entries = new HashMap<>();

    @Override
    public synchronized Optional<Entry> claim(
        String key,
        String fingerprint,
        Instant now,
        Instant expiredBefore,
        Instant abandonedBefore) {
      Entry existing = entries.get(key);
      if (existing == null
          || existing.claimedAt().isBefore(expiredBefore)
          || (existing.answer() == null && existing.claimedAt().isBefore(abandonedBefore))) {
        entries.put(key, new Entry(key, fingerprint, null, now));
        return Optional.empty();
      }
      return Optional.of(existing);
    }

    @Override
    public synchronized void complete(String key, String answer) {
      Entry claimed = entries.get(key);
      entries.put(key, new Entry(key, claimed.fingerprint(), answer, claimed.claimedAt()));
    }

    @Override
    public synchronized void release(String key) {
      entries.remove(key);
    }
  }

  record Answer(String id) {}

  private final InMemoryRecords records = new InMemoryRecords();
  private final Idempotency idempotency =
      new Idempotency(records, new ObjectMapper(), Clock.systemUTC(), Duration.ofMillis(200));
  private final AtomicInteger attempts = new AtomicInteger();

  private Idempotency.Outcome<Answer> submit(String caller, String key, Map<String, ?> body) {
    return idempotency.once(
        caller, key, body, Answer.class, () -> new Answer("r" + attempts.incrementAndGet()));
  }

  @Test
  void aRepeatWhileTheFirstAttemptRunsWaitsAndThenIsA409() {
    // the first attempt claimed the key and has not answered yet (it still runs)
    submit("anna", "k", Map.of("purpose", "Bank"));
    records.entries.replaceAll(
        (key, entry) ->
            new IdempotencyRecords.Entry(key, entry.fingerprint(), null, entry.claimedAt()));

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
                    () -> {
                      throw new IllegalArgumentException("refused");
                    }))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(submit("anna", "k", Map.of()).replayed()).isFalse();
  }
}
