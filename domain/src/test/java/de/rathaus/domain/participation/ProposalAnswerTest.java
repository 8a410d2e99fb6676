package de.rathaus.domain.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The city's official answer to a proposal and the accountability it was submitted under. */
class ProposalAnswerTest {

  private static final ProposalId ID = ProposalId.of(UUID.randomUUID());
  private static final ConsultationId CONSULTATION = ConsultationId.of(UUID.randomUUID());
  private static final CitizenId ANNA = new CitizenId("anna");
  private static final Instant NOW = Instant.parse("2026-04-02T08:00:00Z");
  private static final Instant LATER = NOW.plusSeconds(86_400);
  private static final ProposalContent CONTENT =
      new ProposalContent("Anna B.", "Mehr Bänke", "Am Marktplatz fehlen Bänke.", null);

  private FixtureConfiguration<Proposal> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Proposal.class);
  }

  private static ProposalSubmitted submitted() {
    return new ProposalSubmitted(
        ID,
        CONSULTATION,
        ANNA,
        "Anna B.",
        "Mehr Bänke",
        "Am Marktplatz fehlen Bänke.",
        null,
        NOW,
        100,
        30);
  }

  @Test
  void aProposalKeepsTheThresholdAndDeadlineItWasSubmittedUnder() {
    fixture
        .givenNoPriorActivity()
        .when(
            new SubmitProposal(
                ID,
                CONSULTATION,
                ConsultationFormat.IDEAS,
                ConsultationPhase.OPEN,
                ANNA,
                CONTENT,
                NOW,
                100,
                30))
        .expectEvents(submitted());
  }

  @Test
  void theCityAnswers() {
    fixture
        .given(submitted())
        .when(new AnswerProposal(ID, AnswerStatus.ACCEPTED, "Wir stellen Bänke auf.", LATER))
        .expectEvents(
            new ProposalAnswered(
                ID, CONSULTATION, AnswerStatus.ACCEPTED, "Wir stellen Bänke auf.", LATER));
  }

  @Test
  void everyUpdateOfTheAnswerIsAnEntryOfItsOwn() {
    fixture
        .given(
            submitted(),
            new ProposalAnswered(
                ID, CONSULTATION, AnswerStatus.ACCEPTED, "Wir stellen Bänke auf.", LATER))
        .when(
            new AnswerProposal(
                ID,
                AnswerStatus.IN_IMPLEMENTATION,
                "Die Bänke sind bestellt.",
                LATER.plusSeconds(1)))
        .expectEvents(
            new ProposalAnswered(
                ID,
                CONSULTATION,
                AnswerStatus.IN_IMPLEMENTATION,
                "Die Bänke sind bestellt.",
                LATER.plusSeconds(1)));
  }

  @Test
  void anAnswerThatSaysWhatTheOneInForceSaysRecordsNothing() {
    fixture
        .given(
            submitted(),
            new ProposalAnswered(
                ID, CONSULTATION, AnswerStatus.ACCEPTED, "Wir stellen Bänke auf.", LATER))
        .when(
            new AnswerProposal(
                ID, AnswerStatus.ACCEPTED, "Wir stellen Bänke auf.", LATER.plusSeconds(1)))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void theCityAnswersInGermanAndEnglish() {
    AnswerReasoning both =
        new AnswerReasoning("Wir stellen Bänke auf.", "We are putting up benches.");
    fixture
        .given(submitted())
        .when(new AnswerProposal(ID, AnswerStatus.ACCEPTED, both, LATER))
        .expectEvents(new ProposalAnswered(ID, CONSULTATION, AnswerStatus.ACCEPTED, both, LATER));
  }

  @Test
  void anEnglishTextAddedToTheAnswerInForceIsAnEntryOfItsOwn() {
    AnswerReasoning both =
        new AnswerReasoning("Wir stellen Bänke auf.", "We are putting up benches.");
    fixture
        .given(
            submitted(),
            new ProposalAnswered(
                ID, CONSULTATION, AnswerStatus.ACCEPTED, "Wir stellen Bänke auf.", LATER))
        .when(new AnswerProposal(ID, AnswerStatus.ACCEPTED, both, LATER.plusSeconds(1)))
        .expectEvents(
            new ProposalAnswered(
                ID, CONSULTATION, AnswerStatus.ACCEPTED, both, LATER.plusSeconds(1)));
  }

  @Test
  void aReasoningNeedsItsGermanTextAndNoBlankEnglishOne() {
    assertThatThrownBy(() -> new AnswerReasoning(" ", "We are putting up benches."))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AnswerReasoning("Wir stellen Bänke auf.", " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AnswerProposal(ID, AnswerStatus.ACCEPTED, " ", LATER))
        .isInstanceOf(IllegalArgumentException.class);
    AnswerReasoning german = AnswerReasoning.inGerman("Wir stellen Bänke auf.");
    assertThat(german.in("en")).isEqualTo("Wir stellen Bänke auf.");
    assertThat(new AnswerReasoning("Ja.", "Yes.").in("en")).isEqualTo("Yes.");
    assertThat(new AnswerReasoning("Ja.", "Yes.").in("de")).isEqualTo("Ja.");
  }
}
