package de.rathaus.domain.participation;

import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of the items the city puts up in a feedback consultation, one per test. */
class FeedbackItemTest {

  private static final ProposalId ID = ProposalId.of(UUID.randomUUID());
  private static final ConsultationId CONSULTATION = ConsultationId.of(UUID.randomUUID());
  private static final CitizenId ADA = new CitizenId("ada");
  private static final Instant NOW = Instant.parse("2026-04-02T08:00:00Z");
  private static final ProposalContent CONTENT =
      new ProposalContent("Stadt Heilbronn", "Smarte Parkbank", "Mit Solarzelle.", null);

  private FixtureConfiguration<Proposal> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Proposal.class);
  }

  private static PutUpFeedbackItem putUp(ConsultationFormat format, ConsultationPhase phase) {
    return new PutUpFeedbackItem(ID, CONSULTATION, format, phase, ADA, CONTENT, NOW);
  }

  private static FeedbackItemPutUp putUp() {
    return new FeedbackItemPutUp(
        ID, CONSULTATION, ADA, "Stadt Heilbronn", "Smarte Parkbank", "Mit Solarzelle.", null, NOW);
  }

  @Test
  void putsUpAnItemInADraftFeedbackConsultation() {
    fixture
        .givenNoPriorActivity()
        .when(putUp(ConsultationFormat.FEEDBACK, ConsultationPhase.DRAFT))
        .expectEvents(putUp());
  }

  @Test
  void putsUpAnItemInAnOpenFeedbackConsultation() {
    fixture
        .givenNoPriorActivity()
        .when(putUp(ConsultationFormat.FEEDBACK, ConsultationPhase.OPEN))
        .expectEvents(putUp());
  }

  @Test
  void refusesAnItemInAnIdeasConsultation() {
    fixture
        .givenNoPriorActivity()
        .when(putUp(ConsultationFormat.IDEAS, ConsultationPhase.OPEN))
        .expectNoEvents()
        .expectException(ProposalRuleViolation.class)
        .expectExceptionMessage("Only a feedback consultation takes items");
  }

  @Test
  void refusesAnItemOnceClosed() {
    fixture
        .givenNoPriorActivity()
        .when(putUp(ConsultationFormat.FEEDBACK, ConsultationPhase.CLOSED))
        .expectNoEvents()
        .expectException(ProposalRuleViolation.class)
        .expectExceptionMessage("Items are put up while the consultation is a draft or open");
  }
}
