package de.rathaus.application.participation;

import de.rathaus.application.participation.ModerationLogEntry.Action;
import de.rathaus.application.participation.ModerationLogEntry.Kind;
import de.rathaus.application.shared.Page;
import de.rathaus.application.shared.ViewUpdates;
import de.rathaus.domain.participation.CommentHidden;
import de.rathaus.domain.participation.CommentId;
import de.rathaus.domain.participation.CommentRestored;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ModeratorRole;
import de.rathaus.domain.participation.ProposalHidden;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.ProposalRestored;
import java.time.Instant;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Keeps each consultation's public moderation log: one entry per hiding or restoring of a proposal
 * or a comment, newest first. It reads only the moderation events, which carry no personal data and
 * not the moderator (the role is in the event, as it is a public part of the fact). Its read model
 * has a name of its own, {@value #NAME}, under which it is processed and rebuilt.
 */
public class ModerationLogProjection {

  /** The read model's name: its processor, its rebuilds and its metrics go by it. */
  public static final String NAME = "moderation-log";

  private final ModerationLog log;

  public ModerationLogProjection(ModerationLog log) {
    this.log = log;
  }

  @EventHandler
  void on(ProposalHidden e, @SequenceNumber long sequence) {
    add(e.id(), sequence, e.consultation(), null, Action.HIDDEN, e.reason(), e.role(), e.at());
  }

  @EventHandler
  void on(ProposalRestored e, @SequenceNumber long sequence) {
    add(e.id(), sequence, e.consultation(), null, Action.RESTORED, e.reason(), e.role(), e.at());
  }

  @EventHandler
  void on(CommentHidden e, @SequenceNumber long sequence) {
    add(
        e.id(),
        sequence,
        e.consultation(),
        e.comment(),
        Action.HIDDEN,
        e.reason(),
        e.role(),
        e.at());
  }

  @EventHandler
  void on(CommentRestored e, @SequenceNumber long sequence) {
    add(
        e.id(),
        sequence,
        e.consultation(),
        e.comment(),
        Action.RESTORED,
        e.reason(),
        e.role(),
        e.at());
  }

  /** Each event makes one entry of its own: a redelivery finds it made and changes nothing. */
  private void add(
      ProposalId proposal,
      long sequence,
      ConsultationId consultation,
      CommentId comment,
      Action action,
      String reason,
      ModeratorRole role,
      Instant at) {
    String id = ModerationLogEntry.idOf(proposal, sequence);
    ViewUpdates.apply(
        log,
        id,
        sequence,
        before ->
            new ModerationLogEntry(
                id,
                consultation,
                proposal,
                comment,
                comment == null ? Kind.PROPOSAL : Kind.COMMENT,
                action,
                reason,
                role,
                at,
                sequence));
  }

  @ResetHandler
  void reset() {
    log.clear();
  }

  @QueryHandler
  public ModerationLogPage handle(ListModerationLog query) {
    Page<ModerationLogEntry> page = log.list(query);
    return new ModerationLogPage(page.items(), page.next());
  }
}
