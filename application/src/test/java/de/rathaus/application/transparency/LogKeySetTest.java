package de.rathaus.application.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rathaus.application.transparency.LogKeySet.KeyPeriod;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogKeySetTest {

  private static final String LOG = "rathaus.example/log";
  private static final Instant ROTATION = Instant.parse("2026-12-01T00:00:00Z");
  private static final Instant BEFORE = ROTATION.minusSeconds(3600);
  private static final Instant AFTER = ROTATION.plusSeconds(3600);

  private final LogKey old = LogKey.generate();
  private final LogKey current = LogKey.generate();
  private final LogKeySet keys =
      LogKeySet.of(
          List.of(
              new KeyPeriod(current.verifierKey(LOG), ROTATION, null),
              new KeyPeriod(old.verifierKey(LOG), null, ROTATION)));

  private static Checkpoint signed(LogKey key, Instant at) {
    byte[] root = new byte[32];
    Arrays.fill(root, (byte) 7);
    return Checkpoint.sign(LOG, 42, root, at, key);
  }

  @Test
  void aCheckpointOfTheRetiredKeyWithinItsPeriodVerifies() {
    assertThat(keys.check(signed(old, BEFORE)).valid()).isTrue();
  }

  @Test
  void aCheckpointOfTheCurrentKeyWithinItsPeriodVerifies() {
    assertThat(keys.check(signed(current, AFTER)).valid()).isTrue();
  }

  @Test
  void theRetiredKeySigningAfterItsPeriodIsRefused() {
    LogKeySet.Verdict verdict = keys.check(signed(old, AFTER));

    assertThat(verdict.valid()).isFalse();
    assertThat(verdict.reason()).contains("outside its period");
  }

  @Test
  void aPeriodEndsBeforeItsValidUntil() {
    assertThat(keys.verifies(signed(old, ROTATION))).isFalse();
    assertThat(keys.verifies(signed(current, ROTATION))).isTrue();
  }

  @Test
  void theCurrentKeySigningBeforeItsPeriodIsRefused() {
    assertThat(keys.verifies(signed(current, BEFORE))).isFalse();
  }

  @Test
  void anUnknownKeyIdIsRefused() {
    LogKeySet.Verdict verdict = keys.check(signed(LogKey.generate(), AFTER));

    assertThat(verdict.valid()).isFalse();
    assertThat(verdict.reason()).contains("none of the log's keys");
  }

  @Test
  void aChangedCheckpointOfAKnownKeyIsRefused() {
    Checkpoint good = signed(old, BEFORE);
    Checkpoint changed =
        new Checkpoint(LOG, 43, good.rootHash(), good.timestamp(), good.signature(), good.note());

    assertThat(keys.verifies(changed)).isFalse();
  }

  @Test
  void aKeyOfAnotherLogIsRefused() {
    Checkpoint other = Checkpoint.sign("other.example/log", 1, new byte[32], BEFORE, old);

    assertThat(keys.verifies(other)).isFalse();
  }

  @Test
  void aCheckpointWithoutANoteIsCheckedWithTheKeyOfItsTime() {
    Checkpoint good = signed(old, BEFORE);
    Checkpoint bare =
        new Checkpoint(LOG, 42, good.rootHash(), good.timestamp(), good.signature(), null);

    assertThat(keys.verifies(bare)).isTrue();
    Checkpoint late = signed(old, AFTER);
    assertThat(
            keys.verifies(
                new Checkpoint(LOG, 42, late.rootHash(), late.timestamp(), late.signature(), null)))
        .isFalse();
  }

  @Test
  void aSingleKeyVerifiesAtAnyTime() {
    LogKeySet single = LogKeySet.single(old.verifierKey(LOG));

    assertThat(single.verifies(signed(old, BEFORE))).isTrue();
    assertThat(single.verifies(signed(old, AFTER))).isTrue();
  }

  @Test
  void overlappingPeriodsAreRefused() {
    assertThatThrownBy(
            () ->
                LogKeySet.of(
                    List.of(
                        new KeyPeriod(current.verifierKey(LOG), BEFORE, null),
                        new KeyPeriod(old.verifierKey(LOG), null, ROTATION))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overlap");
  }

  @Test
  void periodsThatMeetDoNotOverlap() {
    KeyPeriod first = new KeyPeriod(old.verifierKey(LOG), BEFORE, ROTATION);
    KeyPeriod second = new KeyPeriod(current.verifierKey(LOG), ROTATION, AFTER);

    assertThat(first.overlaps(second)).isFalse();
    assertThat(second.overlaps(first)).isFalse();
    assertThat(first.overlaps(new KeyPeriod(current.verifierKey(LOG), null, null))).isTrue();
  }

  @Test
  void aKeyListedTwiceIsRefused() {
    assertThatThrownBy(
            () ->
                LogKeySet.of(
                    List.of(
                        new KeyPeriod(current.verifierKey(LOG), AFTER, null),
                        new KeyPeriod(current.verifierKey(LOG), null, ROTATION))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("again");
  }

  @Test
  void aValidUntilNotAfterValidFromIsRefused() {
    assertThatThrownBy(() -> new KeyPeriod(old.verifierKey(LOG), ROTATION, BEFORE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not after");
  }

  @Test
  void theWellKnownJsonListsEveryKeyWithItsPeriodCurrentFirstAndReadsBack() {
    var json = keys.toJson();

    assertThat(json.path("keys")).hasSize(2);
    assertThat(json.path("keys").path(0).path("keyId").asText())
        .isEqualTo(current.verifierKey(LOG).keyIdHex());
    assertThat(json.path("keys").path(0).path("validFrom").asText()).isEqualTo(ROTATION.toString());
    assertThat(json.path("keys").path(0).path("validUntil").isNull()).isTrue();
    assertThat(json.path("keys").path(1).path("validUntil").asText())
        .isEqualTo(ROTATION.toString());
    // a reader of one key reads the current one
    assertThat(VerifierKey.fromJson(json)).isEqualTo(current.verifierKey(LOG));
    LogKeySet read = LogKeySet.parse(json.toString());
    assertThat(read.periods()).isEqualTo(keys.periods());
    assertThat(read.verifies(signed(old, BEFORE))).isTrue();
    assertThat(read.verifies(signed(old, AFTER))).isFalse();
  }

  @Test
  void theJsonOfOneKeyIsThatKeyForAllTime() {
    LogKeySet read = LogKeySet.parse(old.verifierKey(LOG).toJson().toString());

    assertThat(read.periods()).containsExactly(KeyPeriod.always(old.verifierKey(LOG)));
  }

  @Test
  void aJsonWhoseOwnKeyIsNoneOfItsKeysIsRefused() {
    var json = keys.toJson();
    json.setAll(LogKey.generate().verifierKey(LOG).toJson());

    assertThatThrownBy(() -> LogKeySet.fromJson(json)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void severalSourcesAreEachTrustedForTheirOwnPeriods() {
    LogKeySet either =
        LogKeySet.anyOf(
            List.of(
                LogKeySet.single(current.verifierKey(LOG)),
                LogKeySet.single(VerifierKey.parse(old.verifierKey(LOG).pem()))));

    assertThat(either.verifies(signed(old, BEFORE))).isTrue();
    assertThat(either.verifies(signed(current, BEFORE))).isTrue();
    assertThat(either.verifies(signed(LogKey.generate(), BEFORE))).isFalse();
  }
}
