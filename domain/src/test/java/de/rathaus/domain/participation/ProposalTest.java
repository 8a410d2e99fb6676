package de.rathaus.domain.participation;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A proposal's rules, one per test. */
class ProposalTest {

  private static final ProposalId ID = ProposalId.of(UUID.randomUUID());
  private static final ConsultationId CONSULTATION = ConsultationId.of(UUID.randomUUID());
  private static final CitizenId ANNA = new CitizenId("anna");
  private static final CitizenId BEN = new CitizenId("ben");
  private static final Instant NOW = Instant.parse("2026-04-02T08:00:00Z");
  private static final Instant LATER = NOW.plusSeconds(3_600);
  private static final Location MARKET = new Location(49.142, 9.219, "Marktplatz");
  private static final ProposalContent CONTENT =
      new ProposalContent("Anna B.", "Mehr Bänke", "Am Marktplatz fehlen Bänke.", MARKET);
  private static final ProposalContent REVISED =
      new ProposalContent("Anna B.", "Mehr Bänke im Schatten", "Unter den Bäumen.", null);

  private FixtureConfiguration<Proposal> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Proposal.class);
  }

  private static SubmitProposal submit(ConsultationFormat format, ConsultationPhase phase) {
    return new SubmitProposal(ID, CONSULTATION, format, phase, ANNA, CONTENT, NOW);
  }

  private static ProposalSubmitted submitted() {
    return new ProposalSubmitted(
        ID,
        CONSULTATION,
        ANNA,
        "Anna B.",
        "Mehr Bänke",
        "Am Marktplatz fehlen Bänke.",
        MARKET,
        NOW);
  }

  private static ProposalEdited edited() {
    return new ProposalEdited(
        ID, ANNA, "Anna B.", "Mehr Bänke im Schatten", "Unter den Bäumen.", null, LATER);
  }

  private static EditProposal edit(CitizenId editor, ConsultationPhase phase) {
    return new EditProposal(ID, editor, phase, REVISED, LATER);
  }

  @Test
  void submitsInAnOpenIdeasConsultation() {
    fixture
        .givenNoPriorActivity()
        .when(submit(ConsultationFormat.IDEAS, ConsultationPhase.OPEN))
        .expectEvents(submitted());
  }

  @Test
  void refusesAProposalInAFeedbackConsultation() {
    fixture
        .givenNoPriorActivity()
        .when(submit(ConsultationFormat.FEEDBACK, ConsultationPhase.OPEN))
        .expectNoEvents()
        .expectException(ProposalRuleViolation.class)
        .expectExceptionMessage("Only an ideas consultation takes proposals");
  }

  @Test
  void refusesAProposalBeforeTheConsultationOpens() {
    fixture
        .givenNoPriorActivity()
        .when(submit(ConsultationFormat.IDEAS, ConsultationPhase.DRAFT))
        .expectNoEvents()
        .expectException(ProposalRuleViolation.class)
        .expectExceptionMessage("Proposals are submitted while the consultation is open");
  }

  @Test
  void refusesAProposalOnceVotingStarted() {
    fixture
        .givenNoPriorActivity()
        .when(submit(ConsultationFormat.IDEAS, ConsultationPhase.VOTING))
        .expectNoEvents()
        .expectException(ProposalRuleViolation.class)
        .expectExceptionMessage("Proposals are submitted while the consultation is open");
  }

  @Test
  void theAuthorEditsWhileOpen() {
    fixture.given(submitted()).when(edit(ANNA, ConsultationPhase.OPEN)).expectEvents(edited());
  }

  @Test
  void rejectsAnEditByAnotherCitizen() {
    fixture
        .given(submitted())
        .when(edit(BEN, ConsultationPhase.OPEN))
        .expectNoEvents()
        .expectException(ProposalRuleViolation.class)
        .expectExceptionMessage("Only its author edits a proposal");
  }

  @Test
  void rejectsAnEditOnceVotingStarted() {
    fixture
        .given(submitted())
        .when(edit(ANNA, ConsultationPhase.VOTING))
        .expectNoEvents()
        .expectException(ProposalRuleViolation.class)
        .expectExceptionMessage("Proposals are edited while the consultation is open");
  }

  @Test
  void anUnchangedEditRecordsNothing() {
    fixture
        .given(submitted())
        .when(new EditProposal(ID, ANNA, ConsultationPhase.OPEN, CONTENT, LATER))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void everyEditIsAnEvent() {
    fixture
        .given(submitted(), edited())
        .when(new EditProposal(ID, ANNA, ConsultationPhase.OPEN, CONTENT, LATER.plusSeconds(1)))
        .expectEvents(
            new ProposalEdited(
                ID,
                ANNA,
                "Anna B.",
                "Mehr Bänke",
                "Am Marktplatz fehlen Bänke.",
                MARKET,
                LATER.plusSeconds(1)));
  }

  @Test
  void eventsAndCommandsNameNoPersonalDataWhenPrinted() {
    assertThat(submitted().toString())
        .doesNotContain("Anna B.", "Bänke", "Marktplatz")
        .contains(ID.value());
    assertThat(edited().toString()).doesNotContain("Anna B.", "Bänke", "Schatten");
    assertThat(submit(ConsultationFormat.IDEAS, ConsultationPhase.OPEN).toString())
        .doesNotContain("Anna B.", "Bänke", "Marktplatz");
    assertThat(edit(ANNA, ConsultationPhase.OPEN).toString()).doesNotContain("Bänke", "Schatten");
  }
}
