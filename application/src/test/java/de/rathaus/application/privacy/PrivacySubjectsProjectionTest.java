package de.rathaus.application.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.privacy.ErasureGround;
import de.rathaus.domain.privacy.ErasureReason;
import de.rathaus.domain.privacy.ErasureRecordId;
import de.rathaus.domain.privacy.PersonalDataErased;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.junit.jupiter.api.Test;

/** Which citizens hold personal data: from their first personal value to their next erasure. */
class PrivacySubjectsProjectionTest {

  /** The port kept in memory, as the projection sees it. */
  static final class InMemoryPrivacySubjects implements PrivacySubjects {
    final Map<String, PrivacySubject> subjects = new HashMap<>();
    int saves;

    @Override
    public void save(PrivacySubject subject) {
      subjects.put(subject.subject(), subject);
      saves++;
    }

    @Override
    public Optional<PrivacySubject> find(String subject) {
      return Optional.ofNullable(subjects.get(subject));
    }

    @Override
    public long countHoldingData() {
      return subjects.values().stream().filter(PrivacySubject::holdsData).count();
    }

    @Override
    public void clear() {
      subjects.clear();
    }
  }

  record Noted(@DataSubject CitizenId applicant, @PersonalData String text) {}

  record Place(double lat, @PersonalData String address) {}

  record Located(@DataSubject String applicant, List<Place> places) {}

  record Attributes(@DataSubject String applicant, @PersonalData Map<String, Object> values) {}

  record Plain(String id, String text) {}

  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  private final InMemoryPrivacySubjects subjects = new InMemoryPrivacySubjects();
  private final PrivacySubjectsProjection projection = new PrivacySubjectsProjection(subjects);
  private final AnnotationEventHandlerAdapter handlers =
      new AnnotationEventHandlerAdapter(projection);

  /** Delivers an event at a position, as a processor does. */
  private void deliver(Object payload, long position) throws Exception {
    handlers.handle(
        new GenericTrackedEventMessage<>(
            GapAwareTrackingToken.newInstance(position, List.of()),
            GenericEventMessage.asEventMessage(payload)));
  }

  private static PersonalDataErased erasure(String subject) {
    CitizenId citizen = new CitizenId(subject);
    return new PersonalDataErased(
        ErasureRecordId.of(citizen),
        "e-" + subject,
        citizen,
        ErasureGround.REQUEST,
        ErasureReason.CONSENT_WITHDRAWN,
        null,
        "ada",
        "kid",
        T);
  }

  private boolean holdsData(String subject) {
    return subjects.find(subject).map(PrivacySubject::holdsData).orElse(false);
  }

  @Test
  void aCitizenHoldsDataFromTheirFirstPersonalValue() throws Exception {
    deliver(new Noted(new CitizenId("anna"), "Hinweis"), 1);

    assertThat(holdsData("anna")).isTrue();
    assertThat(subjects.countHoldingData()).isEqualTo(1);
    assertThat(subjects.find("anna").orElseThrow().lastPosition()).isEqualTo(1);
  }

  @Test
  void aRecordWithoutPersonalValuesOrWithoutSubjectCountsForNobody() throws Exception {
    deliver(new Noted(new CitizenId("anna"), null), 1);
    deliver(new Attributes("anna", Map.of()), 2);
    deliver(new Located("anna", List.of(new Place(49.1, null))), 3);
    deliver(new Noted(null, "Hinweis"), 4);
    deliver(new Plain("x", "Hinweis"), 5);

    assertThat(subjects.subjects).isEmpty();
  }

  @Test
  void personalValuesNestedInRecordsListsAndMapsCount() throws Exception {
    deliver(new Located("anna", List.of(new Place(49.1, null), new Place(49.2, "Markt 1"))), 1);
    deliver(new Attributes("ben", Map.of("purpose", "Bank")), 2);

    assertThat(holdsData("anna")).isTrue();
    assertThat(holdsData("ben")).isTrue();
  }

  @Test
  void anErasureEndsItAndNewDataStartsItAgain() throws Exception {
    deliver(new Noted(new CitizenId("anna"), "Hinweis"), 1);
    deliver(erasure("anna"), 2);

    PrivacySubject erased = subjects.find("anna").orElseThrow();
    assertThat(erased.holdsData()).isFalse();
    assertThat(erased.erasures()).isEqualTo(1);
    assertThat(erased.lastErasedAt()).isEqualTo(T);
    assertThat(subjects.countHoldingData()).isZero();

    deliver(new Noted(new CitizenId("anna"), "Wieder da"), 3);
    assertThat(holdsData("anna")).isTrue();
    assertThat(subjects.find("anna").orElseThrow().erasures()).isEqualTo(1);
  }

  @Test
  void aRedeliveredEventChangesNothing() throws Exception {
    deliver(new Noted(new CitizenId("anna"), "Hinweis"), 1);
    deliver(erasure("anna"), 2);

    deliver(new Noted(new CitizenId("anna"), "Hinweis"), 1);
    deliver(erasure("anna"), 2);

    assertThat(holdsData("anna")).isFalse();
    assertThat(subjects.find("anna").orElseThrow().erasures()).isEqualTo(1);
  }

  @Test
  void moreDataOfACitizenWhoHoldsDataWritesNothing() throws Exception {
    deliver(new Noted(new CitizenId("anna"), "Hinweis"), 1);
    int saves = subjects.saves;

    deliver(new Noted(new CitizenId("anna"), "Noch einer"), 2);

    assertThat(subjects.saves).isEqualTo(saves);
  }

  @Test
  void anErasureOfACitizenNotSeenBeforeIsKept() throws Exception {
    deliver(erasure("ben"), 7);

    assertThat(subjects.find("ben").orElseThrow().erasures()).isEqualTo(1);
    assertThat(holdsData("ben")).isFalse();
  }

  @Test
  void aResetEmptiesIt() throws Exception {
    deliver(new Noted(new CitizenId("anna"), "Hinweis"), 1);

    projection.reset();

    assertThat(subjects.subjects).isEmpty();
  }
}
