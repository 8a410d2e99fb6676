package de.rathaus.domain.participation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A rating's rules, one per test. */
class RatingTest {

  private static final RatingId ID = RatingId.of("b".repeat(43));
  private static final ProposalId ITEM = ProposalId.of(UUID.randomUUID());
  private static final Instant NOW = Instant.parse("2026-04-02T08:00:00Z");

  private FixtureConfiguration<Rating> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Rating.class);
  }

  private static RateItem rate(ConsultationFormat format, ConsultationPhase phase, int stars) {
    return new RateItem(ID, ITEM, format, phase, stars, NOW);
  }

  @Test
  void ratesAnItemOfAnOpenFeedbackConsultation() {
    fixture
        .givenNoPriorActivity()
        .when(rate(ConsultationFormat.FEEDBACK, ConsultationPhase.OPEN, 4))
        .expectEvents(new ItemRated(ID, ITEM, 4, NOW));
  }

  @Test
  void aChangedRatingCarriesTheStarsItReplaces() {
    fixture
        .given(new ItemRated(ID, ITEM, 4, NOW))
        .when(rate(ConsultationFormat.FEEDBACK, ConsultationPhase.OPEN, 2))
        .expectEvents(new RatingChanged(ID, ITEM, 2, 4, NOW));
  }

  @Test
  void theSameStarsAgainRecordNothing() {
    fixture
        .given(new ItemRated(ID, ITEM, 4, NOW))
        .when(rate(ConsultationFormat.FEEDBACK, ConsultationPhase.OPEN, 4))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void refusesARatingInAnIdeasConsultation() {
    fixture
        .givenNoPriorActivity()
        .when(rate(ConsultationFormat.IDEAS, ConsultationPhase.OPEN, 4))
        .expectNoEvents()
        .expectException(ProposalRuleViolation.class)
        .expectExceptionMessage("Only the items of a feedback consultation are rated");
  }

  @Test
  void refusesAChangeOnceClosed() {
    fixture
        .given(new ItemRated(ID, ITEM, 4, NOW))
        .when(rate(ConsultationFormat.FEEDBACK, ConsultationPhase.CLOSED, 2))
        .expectNoEvents()
        .expectException(ProposalRuleViolation.class)
        .expectExceptionMessage("Items are rated while the consultation is open");
  }

  @Test
  void aRatingHasOneToFiveStars() {
    assertThatThrownBy(() -> rate(ConsultationFormat.FEEDBACK, ConsultationPhase.OPEN, 6))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rate(ConsultationFormat.FEEDBACK, ConsultationPhase.OPEN, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
