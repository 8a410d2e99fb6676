package de.rathaus.application.participation;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.participation.CommentHidden;
import de.rathaus.domain.participation.CommentId;
import de.rathaus.domain.participation.CommentPosted;
import de.rathaus.domain.participation.CommentRestored;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ModeratorRole;
import de.rathaus.domain.participation.ProposalHidden;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.ProposalRestored;
import de.rathaus.domain.participation.ProposalSubmitted;
import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The proposals' read model with comments and moderation. */
class ProposalCommentProjectionTest {

  private static final Instant T = Instant.parse("2026-05-01T08:00:00Z");
  private static final ConsultationId CONSULTATION = ConsultationId.of(UUID.randomUUID());
  private static final CitizenId ANNA = new CitizenId("anna");
  private static final CitizenId BEN = new CitizenId("ben");

  private final InMemoryProposalViews views = new InMemoryProposalViews();
  private final ProposalProjection projection = new ProposalProjection(views);
  private final ProposalId id = ProposalId.of(UUID.randomUUID());
  private final CommentId first = CommentId.of(UUID.randomUUID());
  private final CommentId reply = CommentId.of(UUID.randomUUID());
  private final CommentId second = CommentId.of(UUID.randomUUID());

  private void submitted() {
    projection.on(
        new ProposalSubmitted(id, CONSULTATION, ANNA, "Anna B.", "Bänke", "Mehr Bänke", null, T),
        0);
  }

  private void discussed() {
    submitted();
    projection.on(new CommentPosted(id, first, null, BEN, "Ben", "Gut", T.plusSeconds(1)), 1);
    projection.on(new CommentPosted(id, reply, first, ANNA, "Anna", "Danke", T.plusSeconds(2)), 2);
    projection.on(new CommentPosted(id, second, null, BEN, "Ben", "Noch was", T.plusSeconds(3)), 3);
  }

  private ProposalView found() {
    return projection.handle(new FindProposal(id)).orElseThrow();
  }

  private CommentHidden hidden(CommentId comment) {
    return new CommentHidden(id, CONSULTATION, comment, "Spam", ModeratorRole.MODERATOR, T);
  }

  @Test
  void commentsAndRepliesAreReadInTheOrderWrittenUnderTheirCommenter() {
    discussed();
    ProposalView view = found();
    assertThat(view.visibleComments())
        .extracting(CommentView::id)
        .containsExactly(first, reply, second);
    CommentView answer = view.visibleComments().get(1);
    assertThat(answer.parent()).isEqualTo(first);
    assertThat(answer.author()).isEqualTo(ANNA);
    assertThat(answer.displayName()).isEqualTo("Anna");
    assertThat(answer.text()).isEqualTo("Danke");
    assertThat(answer.createdAt()).isEqualTo(T.plusSeconds(2));
    assertThat(view.sequence()).isEqualTo(3);
  }

  @Test
  void aHiddenCommentAndItsRepliesLeaveTheVisibleComments() {
    discussed();
    projection.on(hidden(first), 4);
    assertThat(found().visibleComments()).extracting(CommentView::id).containsExactly(second);
    // kept for a restore, never shown
    assertThat(found().comments()).hasSize(3);
  }

  @Test
  void aRestoredCommentComesBackWithItsReplies() {
    discussed();
    projection.on(hidden(first), 4);
    projection.on(
        new CommentRestored(id, CONSULTATION, first, "Geprüft", ModeratorRole.ADMIN, T), 5);
    assertThat(found().visibleComments())
        .extracting(CommentView::id)
        .containsExactly(first, reply, second);
  }

  @Test
  void aHiddenReplyLeavesOnlyItself() {
    discussed();
    projection.on(hidden(reply), 4);
    assertThat(found().visibleComments())
        .extracting(CommentView::id)
        .containsExactly(first, second);
  }

  @Test
  void aRedeliveredCommentChangesNothing() {
    discussed();
    projection.on(new CommentPosted(id, first, null, BEN, "Ben", "Gut", T.plusSeconds(1)), 1);
    projection.on(new CommentPosted(id, second, null, BEN, "Ben", "Noch was", T.plusSeconds(3)), 3);
    assertThat(found().comments())
        .extracting(CommentView::id)
        .containsExactly(first, reply, second);
    assertThat(found().sequence()).isEqualTo(3);
  }

  @Test
  void aRedeliveredHidingChangesNothingAfterARestore() {
    discussed();
    projection.on(hidden(first), 4);
    projection.on(
        new CommentRestored(id, CONSULTATION, first, "Geprüft", ModeratorRole.ADMIN, T), 5);
    projection.on(hidden(first), 4);
    assertThat(found().visibleComments()).hasSize(3);
  }

  @Test
  void aHiddenProposalLeavesTheListAndKeepsTheReason() {
    submitted();
    projection.on(
        new ProposalHidden(id, CONSULTATION, "Werbung", ModeratorRole.MODERATOR, T.plusSeconds(9)),
        1);
    assertThat(found().hidden()).isTrue();
    assertThat(found().moderation().reason()).isEqualTo("Werbung");
    assertThat(found().moderation().at()).isEqualTo(T.plusSeconds(9));
    assertThat(projection.handle(new ListProposals(CONSULTATION, null, 10)).items()).isEmpty();
  }

  @Test
  void aRestoredProposalIsListedAgain() {
    submitted();
    projection.on(new ProposalHidden(id, CONSULTATION, "Werbung", ModeratorRole.MODERATOR, T), 1);
    projection.on(new ProposalRestored(id, CONSULTATION, "Irrtum", ModeratorRole.ADMIN, T), 2);
    assertThat(found().hidden()).isFalse();
    assertThat(projection.handle(new ListProposals(CONSULTATION, null, 10)).items())
        .extracting(ProposalView::id)
        .containsExactly(id);
  }

  @Test
  void commentsPrintNoPersonalDataNorTheirAuthor() {
    discussed();
    assertThat(found().comments().get(0).toString()).doesNotContain("Ben", "Gut", "ben");
  }
}
