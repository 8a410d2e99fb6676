package de.rathaus.domain.privacy;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErasureRecordTest {

  private static final CitizenId ANNA = new CitizenId("anna");
  private static final ErasureRecordId RECORD = ErasureRecordId.of(ANNA);
  private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");

  private FixtureConfiguration<ErasureRecord> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ErasureRecord.class);
  }

  private static ErasePersonalData erase(String erasureId, String keyId) {
    return new ErasePersonalData(
        RECORD,
        erasureId,
        ANNA,
        ErasureGround.REQUEST,
        ErasureReason.CONSENT_WITHDRAWN,
        "DS-2026/0042",
        "ada",
        keyId,
        T);
  }

  private static PersonalDataErased erased(String erasureId, String keyId) {
    return new PersonalDataErased(
        RECORD,
        erasureId,
        ANNA,
        ErasureGround.REQUEST,
        ErasureReason.CONSENT_WITHDRAWN,
        "DS-2026/0042",
        "ada",
        keyId,
        T);
  }

  private static ErasePersonalData withReason(
      ErasureGround ground, ErasureReason reason, String reference) {
    return new ErasePersonalData(RECORD, "e1", ANNA, ground, reason, reference, "ada", "k1", T);
  }

  @Test
  void recordsTheFirstErasureWithTheKeyItDestroys() {
    fixture.givenNoPriorActivity().when(erase("e1", "k1")).expectEvents(erased("e1", "k1"));
  }

  @Test
  void recordsALaterErasureOfACitizenWhoCameBack() {
    fixture.given(erased("e1", "k1")).when(erase("e2", "k2")).expectEvents(erased("e2", "k2"));
  }

  @Test
  void recordsAnErasureEvenWhenNothingWasHeldAnyMore() {
    fixture.given(erased("e1", "k1")).when(erase("e2", null)).expectEvents(erased("e2", null));
  }

  @Test
  void refusesAnErasureWithoutReason() {
    assertThatThrownBy(() -> withReason(ErasureGround.REQUEST, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAReasonOfAnotherGround() {
    assertThatThrownBy(
            () -> withReason(ErasureGround.REQUEST, ErasureReason.RETENTION_EXPIRED, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> withReason(ErasureGround.RETENTION, ErasureReason.OBJECTION, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatCode(() -> withReason(ErasureGround.RETENTION, ErasureReason.RETENTION_EXPIRED, null))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesAReferenceThatIsNotAFileNumberAndDoesNotRepeatIt() {
    for (String words :
        new String[] {
          "Anna Beispiel rief an", "anna@example.org", "ANNA", "", "DS-" + "1".repeat(40)
        }) {
      assertThatThrownBy(
              () -> withReason(ErasureGround.REQUEST, ErasureReason.OBJECTION, words),
              "reference %s",
              words)
          .isInstanceOf(IllegalArgumentException.class)
          .message()
          .doesNotContain("Anna");
    }
    for (String number : new String[] {"DS-2026/0042", "32.1-0815/2026", "7"}) {
      assertThatCode(() -> withReason(ErasureGround.REQUEST, ErasureReason.OBJECTION, number))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void refusesARecordOfAnotherCitizen() {
    assertThatThrownBy(
            () ->
                new ErasePersonalData(
                    ErasureRecordId.of(new CitizenId("ben")),
                    "e1",
                    ANNA,
                    ErasureGround.REQUEST,
                    ErasureReason.OBJECTION,
                    null,
                    "ada",
                    "k1",
                    T))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
