package de.rathaus.domain.participation;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A proposal's rules for comments, replies and moderation, one per test. */
class ProposalCommentTest {

  private static final ProposalId ID = ProposalId.of(UUID.randomUUID());
  private static final ConsultationId CONSULTATION = ConsultationId.of(UUID.randomUUID());
  private static final CitizenId ANNA = new CitizenId("anna");
  private static final CitizenId BEN = new CitizenId("ben");
  private static final Instant NOW = Instant.parse("2026-04-02T08:00:00Z");
  private static final Instant LATER = NOW.plusSeconds(3_600);
  private static final CommentId FIRST = CommentId.of(UUID.randomUUID());
  private static final CommentId REPLY = CommentId.of(UUID.randomUUID());
  private static final CommentId NEW = CommentId.of(UUID.randomUUID());
  private static final CommentContent BENS = new CommentContent("Ben", "Gute Idee");

  private FixtureConfiguration<Proposal> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Proposal.class);
  }

  private static ProposalSubmitted submitted() {
    return new ProposalSubmitted(
        ID, CONSULTATION, ANNA, "Anna B.", "Mehr Bänke", "Am Marktplatz.", null, NOW);
  }

  private static CommentPosted first() {
    return new CommentPosted(ID, FIRST, null, BEN, "Ben", "Gute Idee", NOW.plusSeconds(60));
  }

  private static CommentPosted reply() {
    return new CommentPosted(ID, REPLY, FIRST, ANNA, "Anna B.", "Danke", NOW.plusSeconds(120));
  }

  private static PostComment comment(
      CommentId parent, ConsultationFormat format, ConsultationPhase phase) {
    return new PostComment(ID, NEW, parent, BEN, format, phase, BENS, LATER);
  }

  private static PostComment comment(CommentId parent) {
    return comment(parent, ConsultationFormat.IDEAS, ConsultationPhase.OPEN);
  }

  private static ModerateProposal moderate(CommentId comment, ModerationAction action) {
    return new ModerateProposal(
        ID, comment, action, "  Beleidigend  ", ModeratorRole.MODERATOR, LATER);
  }

  private static ProposalHidden proposalHidden() {
    return new ProposalHidden(ID, CONSULTATION, "Beleidigend", ModeratorRole.MODERATOR, LATER);
  }

  private static CommentHidden commentHidden(CommentId comment) {
    return new CommentHidden(
        ID, CONSULTATION, comment, "Beleidigend", ModeratorRole.MODERATOR, LATER);
  }

  // --- comments

  @Test
  void aCitizenCommentsWhileAnIdeasConsultationIsOpen() {
    fixture
        .given(submitted())
        .when(comment(null))
        .expectEvents(new CommentPosted(ID, NEW, null, BEN, "Ben", "Gute Idee", LATER));
  }

  @Test
  void commentsAreTakenInVotingOfAnIdeasConsultation() {
    fixture
        .given(submitted())
        .when(comment(null, ConsultationFormat.IDEAS, ConsultationPhase.VOTING))
        .expectEvents(new CommentPosted(ID, NEW, null, BEN, "Ben", "Gute Idee", LATER));
  }

  @Test
  void commentsAreTakenWhileAFeedbackConsultationIsOpen() {
    fixture
        .given(submitted())
        .when(comment(null, ConsultationFormat.FEEDBACK, ConsultationPhase.OPEN))
        .expectEvents(new CommentPosted(ID, NEW, null, BEN, "Ben", "Gute Idee", LATER));
  }

  @Test
  void refusesACommentOnceAnIdeasConsultationIsClosed() {
    fixture
        .given(submitted())
        .when(comment(null, ConsultationFormat.IDEAS, ConsultationPhase.CLOSED))
        .expectNoEvents()
        .expectException(ProposalRuleViolation.class)
        .expectExceptionMessage(
            "Comments are taken while the consultation is open (ideas: also in voting)");
  }

  @Test
  void refusesACommentInVotingOfAFeedbackConsultation() {
    // a feedback consultation has no voting phase; should it ever be in one, it takes no comments
    fixture
        .given(submitted())
        .when(comment(null, ConsultationFormat.FEEDBACK, ConsultationPhase.VOTING))
        .expectNoEvents()
        .expectException(ProposalRuleViolation.class);
  }

  @Test
  void refusesACommentOnAHiddenProposal() {
    fixture
        .given(submitted(), proposalHidden())
        .when(comment(null))
        .expectNoEvents()
        .expectException(ProposalRuleViolation.class)
        .expectExceptionMessage("A hidden proposal takes no comments");
  }

  @Test
  void aReplyAnswersATopLevelComment() {
    fixture
        .given(submitted(), first())
        .when(comment(FIRST))
        .expectEvents(new CommentPosted(ID, NEW, FIRST, BEN, "Ben", "Gute Idee", LATER));
  }

  @Test
  void refusesAReplyToAReply() {
    fixture
        .given(submitted(), first(), reply())
        .when(comment(REPLY))
        .expectNoEvents()
        .expectException(ProposalRuleViolation.class)
        .expectExceptionMessage("Replies go one level deep: a reply is not replied to");
  }

  @Test
  void refusesAReplyToAnUnknownComment() {
    fixture
        .given(submitted(), first())
        .when(comment(CommentId.of(UUID.randomUUID())))
        .expectNoEvents()
        .expectException(ProposalRuleViolation.class)
        .expectExceptionMessage("A reply names a comment of this proposal");
  }

  @Test
  void refusesAReplyToAHiddenComment() {
    fixture
        .given(submitted(), first(), commentHidden(FIRST))
        .when(comment(FIRST))
        .expectNoEvents()
        .expectException(ProposalRuleViolation.class)
        .expectExceptionMessage("A hidden comment is not replied to");
  }

  // --- moderation

  @Test
  void aModeratorHidesAProposalWithTheReasonStripped() {
    fixture
        .given(submitted())
        .when(moderate(null, ModerationAction.HIDE))
        .expectEvents(proposalHidden());
  }

  @Test
  void refusesHidingAHiddenProposal() {
    fixture
        .given(submitted(), proposalHidden())
        .when(moderate(null, ModerationAction.HIDE))
        .expectNoEvents()
        .expectException(ProposalRuleViolation.class)
        .expectExceptionMessage("It is hidden already");
  }

  @Test
  void aHiddenProposalIsRestored() {
    fixture
        .given(submitted(), proposalHidden())
        .when(moderate(null, ModerationAction.RESTORE))
        .expectEvents(
            new ProposalRestored(ID, CONSULTATION, "Beleidigend", ModeratorRole.MODERATOR, LATER));
  }

  @Test
  void refusesRestoringAVisibleProposal() {
    fixture
        .given(submitted())
        .when(moderate(null, ModerationAction.RESTORE))
        .expectNoEvents()
        .expectException(ProposalRuleViolation.class)
        .expectExceptionMessage("Only what is hidden is restored");
  }

  @Test
  void anAdministratorHidesAComment() {
    fixture
        .given(submitted(), first())
        .when(
            new ModerateProposal(
                ID, FIRST, ModerationAction.HIDE, "Spam", ModeratorRole.ADMIN, LATER))
        .expectEvents(
            new CommentHidden(ID, CONSULTATION, FIRST, "Spam", ModeratorRole.ADMIN, LATER));
  }

  @Test
  void refusesHidingAHiddenComment() {
    fixture
        .given(submitted(), first(), commentHidden(FIRST))
        .when(moderate(FIRST, ModerationAction.HIDE))
        .expectNoEvents()
        .expectException(ProposalRuleViolation.class)
        .expectExceptionMessage("It is hidden already");
  }

  @Test
  void aHiddenCommentIsRestored() {
    fixture
        .given(submitted(), first(), commentHidden(FIRST))
        .when(moderate(FIRST, ModerationAction.RESTORE))
        .expectEvents(
            new CommentRestored(
                ID, CONSULTATION, FIRST, "Beleidigend", ModeratorRole.MODERATOR, LATER));
  }

  @Test
  void refusesRestoringAVisibleComment() {
    fixture
        .given(submitted(), first())
        .when(moderate(FIRST, ModerationAction.RESTORE))
        .expectNoEvents()
        .expectException(ProposalRuleViolation.class)
        .expectExceptionMessage("Only what is hidden is restored");
  }

  @Test
  void refusesModeratingAnUnknownComment() {
    fixture
        .given(submitted(), first())
        .when(moderate(CommentId.of(UUID.randomUUID()), ModerationAction.HIDE))
        .expectNoEvents()
        .expectException(ProposalRuleViolation.class)
        .expectExceptionMessage("A moderation names a comment of this proposal");
  }

  @Test
  void hidingACommentLeavesTheProposalOpenToComments() {
    fixture
        .given(submitted(), first(), commentHidden(FIRST))
        .when(comment(null))
        .expectEvents(new CommentPosted(ID, NEW, null, BEN, "Ben", "Gute Idee", LATER));
  }

  @Test
  void aModerationWithoutAReasonIsNoCommand() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new ModerateProposal(
                    ID, null, ModerationAction.HIDE, " ", ModeratorRole.MODERATOR, LATER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void commentsAndTheirCommandsNameNoPersonalDataWhenPrinted() {
    assertThat(first().toString()).doesNotContain("Ben", "Gute Idee", "ben");
    assertThat(comment(null).toString()).doesNotContain("Ben", "Gute Idee", "ben");
    assertThat(BENS.toString()).doesNotContain("Ben", "Gute Idee");
  }
}
