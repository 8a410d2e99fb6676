package de.rathaus.domain.participation;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A support's rules, one per test. */
class SupportTest {

  private static final SupportId ID = SupportId.of("a".repeat(43));
  private static final ProposalId PROPOSAL = ProposalId.of(UUID.randomUUID());
  private static final Instant NOW = Instant.parse("2026-04-02T08:00:00Z");
  private static final Instant LATER = NOW.plusSeconds(60);

  private FixtureConfiguration<Support> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Support.class);
  }

  private static SupportProposal support(ConsultationFormat format, ConsultationPhase phase) {
    return new SupportProposal(ID, PROPOSAL, format, phase, NOW);
  }

  private static WithdrawSupport withdraw(ConsultationPhase phase) {
    return new WithdrawSupport(ID, PROPOSAL, ConsultationFormat.IDEAS, phase, LATER);
  }

  @Test
  void supportsInAnOpenIdeasConsultation() {
    fixture
        .givenNoPriorActivity()
        .when(support(ConsultationFormat.IDEAS, ConsultationPhase.OPEN))
        .expectEvents(new ProposalSupported(ID, PROPOSAL, NOW));
  }

  @Test
  void supportsWhileVoting() {
    fixture
        .givenNoPriorActivity()
        .when(support(ConsultationFormat.IDEAS, ConsultationPhase.VOTING))
        .expectEvents(new ProposalSupported(ID, PROPOSAL, NOW));
  }

  @Test
  void aSecondSupportRecordsNothing() {
    fixture
        .given(new ProposalSupported(ID, PROPOSAL, NOW))
        .when(support(ConsultationFormat.IDEAS, ConsultationPhase.OPEN))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void withdrawsASupport() {
    fixture
        .given(new ProposalSupported(ID, PROPOSAL, NOW))
        .when(withdraw(ConsultationPhase.VOTING))
        .expectEvents(new ProposalSupportWithdrawn(ID, PROPOSAL, LATER));
  }

  @Test
  void withdrawingTwiceRecordsNothing() {
    fixture
        .given(
            new ProposalSupported(ID, PROPOSAL, NOW),
            new ProposalSupportWithdrawn(ID, PROPOSAL, LATER))
        .when(withdraw(ConsultationPhase.OPEN))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void withdrawingASupportNeverGivenRecordsNothing() {
    fixture
        .givenNoPriorActivity()
        .when(withdraw(ConsultationPhase.OPEN))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void supportsAgainAfterWithdrawing() {
    fixture
        .given(
            new ProposalSupported(ID, PROPOSAL, NOW),
            new ProposalSupportWithdrawn(ID, PROPOSAL, LATER))
        .when(support(ConsultationFormat.IDEAS, ConsultationPhase.OPEN))
        .expectEvents(new ProposalSupported(ID, PROPOSAL, NOW));
  }

  @Test
  void refusesASupportInAFeedbackConsultation() {
    fixture
        .givenNoPriorActivity()
        .when(support(ConsultationFormat.FEEDBACK, ConsultationPhase.OPEN))
        .expectNoEvents()
        .expectException(ProposalRuleViolation.class)
        .expectExceptionMessage("Only proposals of an ideas consultation are supported");
  }

  @Test
  void refusesASupportOnceClosed() {
    fixture
        .givenNoPriorActivity()
        .when(support(ConsultationFormat.IDEAS, ConsultationPhase.CLOSED))
        .expectNoEvents()
        .expectException(ProposalRuleViolation.class)
        .expectExceptionMessage("Supports are given while the consultation is open or voting");
  }

  @Test
  void refusesAWithdrawalOnceClosed() {
    fixture
        .given(new ProposalSupported(ID, PROPOSAL, NOW))
        .when(withdraw(ConsultationPhase.CLOSED))
        .expectNoEvents()
        .expectException(ProposalRuleViolation.class);
  }
}
