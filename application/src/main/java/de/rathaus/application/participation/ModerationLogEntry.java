package de.rathaus.application.participation;

import de.rathaus.application.shared.Versioned;
import de.rathaus.domain.participation.CommentId;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ModeratorRole;
import de.rathaus.domain.participation.ProposalId;
import java.time.Instant;
import java.util.Locale;

/**
 * One entry of a consultation's public moderation log: what kind of content was hidden or restored,
 * when, why and in which role. Never the content itself, never who moderated. Each entry is made by
 * one event and never changes.
 *
 * @param id the proposal's id and the event's sequence number in its history ({@link #idOf})
 * @param comment the comment moderated, or {@code null} if it was the proposal
 * @param sequence the sequence number of the event that made it
 */
public record ModerationLogEntry(
    String id,
    ConsultationId consultation,
    ProposalId proposal,
    CommentId comment,
    Kind kind,
    Action action,
    String reason,
    ModeratorRole role,
    Instant at,
    long sequence)
    implements Versioned<ModerationLogEntry> {

  /** What was moderated. */
  public enum Kind {
    PROPOSAL,
    COMMENT
  }

  /** What was done with it. */
  public enum Action {
    HIDDEN,
    RESTORED
  }

  /**
   * The id of the entry that the event with {@code sequence} of {@code proposal} makes: unique, and
   * in order within one proposal (the sequence is zero-padded).
   */
  public static String idOf(ProposalId proposal, long sequence) {
    return proposal.value() + "/" + String.format(Locale.ROOT, "%019d", sequence);
  }

  @Override
  public ModerationLogEntry atSequence(long sequence) {
    return new ModerationLogEntry(
        id, consultation, proposal, comment, kind, action, reason, role, at, sequence);
  }
}
