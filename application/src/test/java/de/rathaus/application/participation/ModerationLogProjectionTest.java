package de.rathaus.application.participation;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.application.participation.ModerationLogEntry.Action;
import de.rathaus.application.participation.ModerationLogEntry.Kind;
import de.rathaus.domain.participation.CommentHidden;
import de.rathaus.domain.participation.CommentId;
import de.rathaus.domain.participation.CommentRestored;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ModeratorRole;
import de.rathaus.domain.participation.ProposalHidden;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.ProposalRestored;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The public moderation log. */
class ModerationLogProjectionTest {

  private static final Instant T = Instant.parse("2026-05-01T08:00:00Z");
  private static final ConsultationId CONSULTATION = ConsultationId.of(UUID.randomUUID());

  private final InMemoryModerationLog log = new InMemoryModerationLog();
  private final ModerationLogProjection projection = new ModerationLogProjection(log);
  private final ProposalId proposal = ProposalId.of(UUID.randomUUID());
  private final CommentId comment = CommentId.of(UUID.randomUUID());

  private ModerationLogPage page(String after, int size) {
    return projection.handle(new ListModerationLog(CONSULTATION, after, size));
  }

  @Test
  void eachModerationIsAnEntryNewestFirstWithKindActionReasonAndRole() {
    projection.on(
        new CommentHidden(proposal, CONSULTATION, comment, "Spam", ModeratorRole.MODERATOR, T), 3);
    projection.on(
        new ProposalHidden(
            proposal, CONSULTATION, "Werbung", ModeratorRole.ADMIN, T.plusSeconds(1)),
        4);

    List<ModerationLogEntry> items = page(null, 10).items();
    assertThat(items)
        .extracting(ModerationLogEntry::kind)
        .containsExactly(Kind.PROPOSAL, Kind.COMMENT);
    ModerationLogEntry hidingTheComment = items.get(1);
    assertThat(hidingTheComment.action()).isEqualTo(Action.HIDDEN);
    assertThat(hidingTheComment.proposal()).isEqualTo(proposal);
    assertThat(hidingTheComment.comment()).isEqualTo(comment);
    assertThat(hidingTheComment.reason()).isEqualTo("Spam");
    assertThat(hidingTheComment.role()).isEqualTo(ModeratorRole.MODERATOR);
    assertThat(hidingTheComment.at()).isEqualTo(T);
    assertThat(items.get(0).comment()).isNull();
    assertThat(items.get(0).role()).isEqualTo(ModeratorRole.ADMIN);
  }

  @Test
  void restoringIsAnEntryOfItsOwn() {
    projection.on(new ProposalHidden(proposal, CONSULTATION, "Werbung", ModeratorRole.ADMIN, T), 1);
    projection.on(
        new ProposalRestored(
            proposal, CONSULTATION, "Irrtum", ModeratorRole.ADMIN, T.plusSeconds(1)),
        2);
    projection.on(
        new CommentRestored(
            proposal, CONSULTATION, comment, "Geprüft", ModeratorRole.MODERATOR, T.plusSeconds(2)),
        3);
    assertThat(page(null, 10).items())
        .extracting(ModerationLogEntry::action)
        .containsExactly(Action.RESTORED, Action.RESTORED, Action.HIDDEN);
  }

  @Test
  void aRedeliveredModerationChangesNothing() {
    ProposalHidden hidden =
        new ProposalHidden(proposal, CONSULTATION, "Werbung", ModeratorRole.ADMIN, T);
    projection.on(hidden, 1);
    projection.on(hidden, 1);
    assertThat(page(null, 10).items()).hasSize(1);
  }

  @Test
  void isPagedNewestFirstAndOnlyTheConsultationsOwn() {
    List<String> newestFirst = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ProposalId p = ProposalId.of(UUID.randomUUID());
      projection.on(
          new ProposalHidden(
              p, CONSULTATION, "Grund " + i, ModeratorRole.MODERATOR, T.plusSeconds(i)),
          1);
      newestFirst.add(0, "Grund " + i);
    }
    projection.on(
        new ProposalHidden(
            ProposalId.of(UUID.randomUUID()),
            ConsultationId.of(UUID.randomUUID()),
            "anderswo",
            ModeratorRole.MODERATOR,
            T.plusSeconds(99)),
        1);

    ModerationLogPage first = page(null, 3);
    ModerationLogPage second = page(first.next(), 3);
    List<String> seen = new ArrayList<>();
    first.items().forEach(e -> seen.add(e.reason()));
    second.items().forEach(e -> seen.add(e.reason()));
    assertThat(seen).containsExactlyElementsOf(newestFirst);
    assertThat(second.next()).isNull();
  }

  @Test
  void aResetEmptiesTheLog() {
    projection.on(new ProposalHidden(proposal, CONSULTATION, "Werbung", ModeratorRole.ADMIN, T), 1);
    projection.reset();
    assertThat(page(null, 10).items()).isEmpty();
  }
}
