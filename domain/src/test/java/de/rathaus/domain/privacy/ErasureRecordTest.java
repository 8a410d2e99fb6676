package de.rathaus.domain.privacy;

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

  private static ErasePersonalData erase(String erasureId, boolean keyDestroyed) {
    return new ErasePersonalData(
        RECORD,
        erasureId,
        ANNA,
        ErasureGround.REQUEST,
        "Antrag nach Art. 17 DSGVO",
        "ada",
        keyDestroyed,
        T);
  }

  private static PersonalDataErased erased(String erasureId, boolean keyDestroyed) {
    return new PersonalDataErased(
        RECORD,
        erasureId,
        ANNA,
        ErasureGround.REQUEST,
        "Antrag nach Art. 17 DSGVO",
        "ada",
        keyDestroyed,
        T);
  }

  @Test
  void recordsTheFirstErasure() {
    fixture.givenNoPriorActivity().when(erase("e1", true)).expectEvents(erased("e1", true));
  }

  @Test
  void recordsALaterErasureOfACitizenWhoCameBack() {
    fixture.given(erased("e1", true)).when(erase("e2", true)).expectEvents(erased("e2", true));
  }

  @Test
  void recordsAnErasureEvenWhenNothingWasHeldAnyMore() {
    fixture.given(erased("e1", true)).when(erase("e2", false)).expectEvents(erased("e2", false));
  }

  @Test
  void refusesAnErasureWithoutReason() {
    assertThatThrownBy(
            () ->
                new ErasePersonalData(
                    RECORD, "e1", ANNA, ErasureGround.REQUEST, " ", "ada", true, T))
        .isInstanceOf(IllegalArgumentException.class);
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
                    "x",
                    "ada",
                    true,
                    T))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
