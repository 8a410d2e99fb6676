package de.rathaus.application.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rathaus.domain.privacy.ErasureReason;
import de.rathaus.domain.privacy.ErasureRecord;
import de.rathaus.domain.privacy.PersonalDataErased;
import de.rathaus.domain.shared.CitizenId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Erasure: recorded first, key destroyed afterwards, and a key left behind destroyed later. */
class PersonalDataErasureTest {

  private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");

  private final Configuration axon =
      DefaultConfigurer.defaultConfiguration()
          .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
          .configureAggregate(ErasureRecord.class)
          .buildConfiguration();

  /** Keys in memory that note, at each destroy, which erasures were recorded by then. */
  private final class RecordingKeys extends RetentionWatchTest.InMemoryKeys {
    final List<List<PersonalDataErased>> recordedAtDestroy = new ArrayList<>();
    final List<String> destroyed = new ArrayList<>();

    @Override
    public boolean destroy(String subject, String keyId) {
      recordedAtDestroy.add(recorded(subject));
      destroyed.add(subject + "/" + keyId);
      return super.destroy(subject, keyId);
    }
  }

  private final RecordingKeys keys = new RecordingKeys();

  private List<PersonalDataErased> recorded(String subject) {
    return axon.eventStore()
        .readEvents("erasures-" + subject)
        .asStream()
        .map(m -> (PersonalDataErased) m.getPayload())
        .toList();
  }

  private PersonalDataErasure erasure(CommandGateway commands) {
    return new PersonalDataErasure(keys, commands, Clock.fixed(T, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    axon.shutdown();
  }

  @Test
  void theErasureIsRecordedBeforeTheKeyIsDestroyed() {
    axon.start();
    keys.keys.put("anna", T.minusSeconds(60));

    PersonalDataErasure.Erased erased =
        erasure(axon.commandGateway())
            .erase(new CitizenId("anna"), ErasureReason.CONSENT_WITHDRAWN, "DS-2026/7", "ada");

    assertThat(keys.recordedAtDestroy).hasSize(1);
    assertThat(keys.recordedAtDestroy.get(0)).as("recorded when the key is destroyed").hasSize(1);
    assertThat(keys.exists("anna")).isFalse();
    assertThat(erased.keyDestroyed()).isTrue();
    PersonalDataErased event = recorded("anna").get(0);
    assertThat(event.keyId()).isEqualTo("kid-anna");
    assertThat(event.reason()).isEqualTo(ErasureReason.CONSENT_WITHDRAWN);
    assertThat(event.reference()).isEqualTo("DS-2026/7");
    assertThat(event.erasureId()).isEqualTo(erased.erasureId());
  }

  @Test
  void aFailedRecordingLeavesTheKey() {
    keys.keys.put("anna", T.minusSeconds(60));
    CommandGateway failing =
        (CommandGateway)
            java.lang.reflect.Proxy.newProxyInstance(
                CommandGateway.class.getClassLoader(),
                new Class<?>[] {CommandGateway.class},
                (proxy, method, args) -> {
                  throw new IllegalStateException("the event store is not reachable");
                });

    assertThatThrownBy(
            () ->
                erasure(failing).erase(new CitizenId("anna"), ErasureReason.OBJECTION, null, "ada"))
        .isInstanceOf(IllegalStateException.class);

    assertThat(keys.exists("anna")).isTrue();
    assertThat(keys.destroyed).isEmpty();
  }

  @Test
  void anErasureOfACitizenWithoutKeyIsRecordedAndMarksTheirEarlierKeysErased() {
    axon.start();

    PersonalDataErasure.Erased erased =
        erasure(axon.commandGateway())
            .erase(new CitizenId("ben"), ErasureReason.OBJECTION, null, "ada");

    assertThat(erased.keyDestroyed()).isFalse();
    assertThat(recorded("ben")).singleElement().satisfies(e -> assertThat(e.keyId()).isNull());
    assertThat(keys.destroyed).containsExactly("ben/null");
  }

  @Test
  void aKeyThatARecordedErasureNamesIsDestroyedWhenTheEventIsHandled() {
    axon.start();
    keys.keys.put("anna", T.minusSeconds(60));
    // recorded, then the engine stopped before it destroyed the key
    axon.commandGateway()
        .sendAndWait(
            new de.rathaus.domain.privacy.ErasePersonalData(
                de.rathaus.domain.privacy.ErasureRecordId.of(new CitizenId("anna")),
                "e1",
                new CitizenId("anna"),
                de.rathaus.domain.privacy.ErasureGround.REQUEST,
                ErasureReason.CONSENT_WITHDRAWN,
                null,
                "ada",
                "kid-anna",
                T));
    assertThat(keys.exists("anna")).isTrue();
    ErasureCompletion completion = new ErasureCompletion(keys);

    completion.on(recorded("anna").get(0));

    assertThat(keys.exists("anna")).isFalse();
    completion.on(recorded("anna").get(0)); // redelivered, or replayed in a rebuild
    assertThat(keys.destroyed).containsExactly("anna/kid-anna", "anna/kid-anna");
  }
}
