package de.rathaus.application.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.application.catalogue.InMemoryServiceViews;
import de.rathaus.application.catalogue.ServiceCatalogueProjectionTest;
import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.application.servicerequest.InMemoryRequestViews;
import de.rathaus.application.servicerequest.RequestView;
import de.rathaus.application.servicerequest.RequestView.TimelineEntry;
import de.rathaus.application.servicerequest.TimelineStep;
import de.rathaus.domain.privacy.ErasureGround;
import de.rathaus.domain.privacy.ErasureReason;
import de.rathaus.domain.privacy.ErasureRecord;
import de.rathaus.domain.privacy.PersonalDataErased;
import de.rathaus.domain.servicerequest.RequestKind;
import de.rathaus.domain.servicerequest.RequestStatus;
import de.rathaus.domain.shared.CaseNumber;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retention: a citizen's data is erased once the periods of all their cases ran out, never while a
 * case is open, and each erasure is recorded as an event.
 */
class RetentionWatchTest {

  private static final Instant ENDED = Instant.parse("2026-03-02T09:00:00Z");

  /** Keys in memory, as the erasure sees them. */
  static class InMemoryKeys implements PersonalDataKeys {
    final Map<String, Instant> keys = new HashMap<>();
    final java.util.Set<String> unreachable = new java.util.HashSet<>();

    @Override
    public Optional<String> keyId(String subject) {
      if (unreachable.contains(subject)) {
        throw new IllegalStateException("key store not reachable");
      }
      return keys.containsKey(subject) ? Optional.of("kid-" + subject) : Optional.empty();
    }

    @Override
    public boolean destroy(String subject, String keyId) {
      return keyId != null && keyId.equals("kid-" + subject) && keys.remove(subject) != null;
    }

    @Override
    public boolean exists(String subject) {
      return keys.containsKey(subject);
    }

    @Override
    public Optional<Instant> createdAt(String subject) {
      return Optional.ofNullable(keys.get(subject));
    }
  }

  private final InMemoryRequestViews requests = new InMemoryRequestViews();
  private final InMemoryServiceViews services = new InMemoryServiceViews();
  private final InMemoryKeys keys = new InMemoryKeys();
  private boolean readModelCurrent = true;

  /**
   * The event store and the requests' read model as far as retention sees them: requests stored but
   * not yet applied, which the read model does not show yet.
   */
  private final List<Runnable> storedNotApplied = new java.util.ArrayList<>();

  /** Runs when the watch asks whether everything stored is applied, before it answers. */
  private Runnable whileAsked = () -> {};

  private boolean everythingStoredIsApplied() {
    whileAsked.run();
    return readModelCurrent && storedNotApplied.isEmpty();
  }

  /** A request stored in the event store, not yet applied to the read model. */
  private void stored(String id, String applicant, String status) {
    storedNotApplied.add(() -> request(id, applicant, "meldebescheinigung", status));
  }

  /** The read model applies what was stored. */
  private void applied() {
    storedNotApplied.forEach(Runnable::run);
    storedNotApplied.clear();
  }

  private final Configuration axon =
      DefaultConfigurer.defaultConfiguration()
          .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
          .configureAggregate(ErasureRecord.class)
          .buildConfiguration();
  private final RetentionWatch watch = startedWatch();

  private RetentionWatch startedWatch() {
    axon.start();
    PersonalDataErasure erasure =
        new PersonalDataErasure(keys, axon.commandGateway(), Clock.fixed(ENDED, ZoneOffset.UTC));
    return new RetentionWatch(requests, services, keys, erasure, this::everythingStoredIsApplied);
  }

  @AfterEach
  void stop() {
    axon.shutdown();
  }

  private void request(String id, String applicant, String service, String status) {
    keys.keys.putIfAbsent(applicant, ENDED.minusSeconds(3600));
    RequestStatus ended = RequestStatus.valueOf(status);
    requests.insert(
        new RequestView(
            new ServiceRequestId(id),
            CaseNumber.of("HN", 2026, Long.parseLong(id)),
            new CitizenId(applicant),
            new ServiceCode(service),
            1,
            RequestKind.REQUEST,
            new DepartmentCode("buergeramt"),
            ended,
            ENDED.minusSeconds(86_400),
            ENDED,
            false,
            Map.of(),
            null,
            null,
            null,
            List.of(
                new TimelineEntry(
                    TimelineStep.SUBMITTED, RequestStatus.SUBMITTED, ENDED.minusSeconds(86_400)),
                new TimelineEntry(
                    ended.isOpen() ? TimelineStep.ASSIGNED : TimelineStep.valueOf(status),
                    ended,
                    ENDED)),
            List.of(),
            null,
            null,
            1,
            List.of(),
            null));
  }

  private void service(String code, int retentionYears) {
    services.insert(
        ServiceView.published(
            code,
            1,
            ServiceCatalogueProjectionTest.content(code).withRetentionYears(retentionYears)));
  }

  /** Two runs in a row at {@code now}: what it takes to erase. */
  private int twoRuns(Instant now) {
    return watch.eraseExpired(now).erased().size() + watch.eraseExpired(now).erased().size();
  }

  private static Instant yearsAfterEnd(int years) {
    return ENDED.atZone(ZoneOffset.UTC).plusYears(years).toInstant();
  }

  @Test
  void erasesACitizenWhoseOnlyCaseIsPastItsRetention() {
    service("meldebescheinigung", 1);
    request("1", "anna", "meldebescheinigung", "CLOSED");

    assertThat(twoRuns(yearsAfterEnd(1).minusSeconds(1))).isZero();
    assertThat(twoRuns(yearsAfterEnd(1).plusSeconds(1))).isEqualTo(1);
    assertThat(keys.exists("anna")).isFalse();

    List<?> recorded =
        axon.eventStore().readEvents("erasures-anna").asStream().map(m -> m.getPayload()).toList();
    assertThat(recorded).hasSize(1);
    PersonalDataErased erased = (PersonalDataErased) recorded.get(0);
    assertThat(erased.ground()).isEqualTo(ErasureGround.RETENTION);
    assertThat(erased.erasedBy()).isEqualTo("system");
    assertThat(erased.reason()).isEqualTo(ErasureReason.RETENTION_EXPIRED);
    assertThat(erased.keyId()).isEqualTo("kid-anna");
  }

  @Test
  void keepsTheDataWhileACaseOfTheCitizenIsOpen() {
    service("meldebescheinigung", 1);
    request("1", "ben", "meldebescheinigung", "WITHDRAWN");
    request("2", "ben", "meldebescheinigung", "IN_PROGRESS");

    assertThat(twoRuns(yearsAfterEnd(5))).isZero();
    assertThat(keys.exists("ben")).isTrue();
  }

  @Test
  void theLongestRetentionOfTheCitizensCasesCounts() {
    service("meldebescheinigung", 1);
    service("gewerbeanmeldung", 10);
    request("1", "carl", "meldebescheinigung", "CLOSED");
    request("2", "carl", "gewerbeanmeldung", "CLOSED");

    assertThat(twoRuns(yearsAfterEnd(2))).isZero();
    assertThat(twoRuns(yearsAfterEnd(10).plusSeconds(1))).isEqualTo(1);
  }

  @Test
  void aServiceNoLongerInTheCatalogueKeepsTheDefaultPeriod() {
    request("1", "dora", "gone", "CLOSED");

    assertThat(twoRuns(yearsAfterEnd(9))).isZero();
    assertThat(twoRuns(yearsAfterEnd(10).plusSeconds(1))).isEqualTo(1);
  }

  @Test
  void oneRunAloneErasesNothing() {
    service("meldebescheinigung", 1);
    request("1", "anna", "meldebescheinigung", "CLOSED");

    assertThat(watch.eraseExpired(yearsAfterEnd(2)).erased()).isEmpty();
    assertThat(keys.exists("anna")).isTrue();
  }

  @Test
  void aRequestSubmittedBetweenTheTwoRunsKeepsTheData() {
    service("meldebescheinigung", 1);
    request("1", "anna", "meldebescheinigung", "CLOSED");
    watch.eraseExpired(yearsAfterEnd(2));

    request("2", "anna", "meldebescheinigung", "SUBMITTED");

    assertThat(watch.eraseExpired(yearsAfterEnd(2)).erased()).isEmpty();
    assertThat(keys.exists("anna")).isTrue();
  }

  @Test
  void nothingIsErasedWhileTheReadModelIsBehindOrRebuilt() {
    service("meldebescheinigung", 1);
    request("1", "anna", "meldebescheinigung", "CLOSED");
    readModelCurrent = false;

    assertThat(twoRuns(yearsAfterEnd(2))).isZero();
    readModelCurrent = true;
    assertThat(watch.eraseExpired(yearsAfterEnd(2)).erased()).as("a run behind resets").isEmpty();
    assertThat(watch.eraseExpired(yearsAfterEnd(2)).erased())
        .containsExactly(new CitizenId("anna"));
  }

  @Test
  void aCitizenErasedBeforeIsNotErasedAgain() {
    service("meldebescheinigung", 1);
    request("1", "anna", "meldebescheinigung", "CLOSED");
    twoRuns(yearsAfterEnd(2));

    assertThat(twoRuns(yearsAfterEnd(3))).isZero();
  }

  @Test
  void aRequestStoredButNotYetInTheReadModelKeepsTheData() {
    service("meldebescheinigung", 1);
    request("1", "anna", "meldebescheinigung", "CLOSED");
    watch.eraseExpired(yearsAfterEnd(2));

    stored("2", "anna", "SUBMITTED");

    assertThat(watch.eraseExpired(yearsAfterEnd(2)).erased()).isEmpty();
    assertThat(keys.exists("anna")).isTrue();
    applied();
    assertThat(twoRuns(yearsAfterEnd(2))).isZero();
    assertThat(keys.exists("anna")).isTrue();
  }

  @Test
  void aRequestStoredAfterTheListingButBeforeTheLastLookKeepsTheData() {
    service("meldebescheinigung", 1);
    request("1", "anna", "meldebescheinigung", "CLOSED");
    watch.eraseExpired(yearsAfterEnd(2));
    int[] asked = {0};
    // stored and applied after the run listed anna as due, before its last look
    whileAsked =
        () -> {
          if (++asked[0] == 2) {
            stored("2", "anna", "SUBMITTED");
            applied();
          }
        };

    assertThat(watch.eraseExpired(yearsAfterEnd(2)).erased()).isEmpty();
    assertThat(asked[0]).isEqualTo(2);
    assertThat(keys.exists("anna")).isTrue();
  }

  @Test
  void anErasureThatFailsIsReportedByIdDoesNotStopTheOthersAndIsTriedAgain() {
    service("meldebescheinigung", 1);
    request("1", "anna", "meldebescheinigung", "CLOSED");
    request("2", "ben", "meldebescheinigung", "CLOSED");
    keys.unreachable.add("anna");
    watch.eraseExpired(yearsAfterEnd(2));

    RetentionWatch.Run run = watch.eraseExpired(yearsAfterEnd(2));

    assertThat(run.erased()).containsExactly(new CitizenId("ben"));
    assertThat(run.failed())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.subject()).isEqualTo(new CitizenId("anna"));
              assertThat(failure.cause()).isEqualTo(IllegalStateException.class);
            });
    assertThat(keys.exists("anna")).isTrue();

    keys.unreachable.clear();
    assertThat(watch.eraseExpired(yearsAfterEnd(2)).erased())
        .as("tried again on the next run")
        .containsExactly(new CitizenId("anna"));
    assertThat(keys.exists("anna")).isFalse();
  }
}
