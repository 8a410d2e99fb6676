package de.rathaus.application.participation;

import de.rathaus.application.shared.Versioned;
import de.rathaus.domain.participation.ConsultationContent;
import de.rathaus.domain.participation.ConsultationDrafted;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ConsultationPhase;
import de.rathaus.domain.shared.LocalizedText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A consultation as it is read: its content, the phase it is in and when it entered each phase, and
 * once published the result summary. The public reads every consultation but drafts.
 *
 * @param draftedAt when an administrator drafted it
 * @param phases each phase it entered after the draft, with when, in order
 * @param summary the published result summary, or {@code null} before the results are published
 * @param sequence the sequence number of the consultation's last event applied
 */
public record ConsultationView(
    ConsultationId id,
    ConsultationContent content,
    ConsultationPhase phase,
    Instant draftedAt,
    List<PhaseEntry> phases,
    LocalizedText summary,
    long sequence)
    implements Versioned<ConsultationView> {

  public ConsultationView {
    phases = List.copyOf(phases);
  }

  /** The consultation entered {@code phase} at {@code at}. */
  public record PhaseEntry(ConsultationPhase phase, Instant at) {}

  static ConsultationView drafted(ConsultationDrafted event) {
    return new ConsultationView(
        event.id(), event.content(), ConsultationPhase.DRAFT, event.at(), List.of(), null, 0);
  }

  ConsultationView revised(ConsultationContent newContent) {
    return new ConsultationView(id, newContent, phase, draftedAt, phases, summary, sequence);
  }

  ConsultationView entered(ConsultationPhase next, Instant at) {
    List<PhaseEntry> entered = new ArrayList<>(phases);
    entered.add(new PhaseEntry(next, at));
    return new ConsultationView(id, content, next, draftedAt, entered, summary, sequence);
  }

  ConsultationView published(LocalizedText resultSummary, Instant at) {
    return entered(ConsultationPhase.RESULTS_PUBLISHED, at).withSummary(resultSummary);
  }

  private ConsultationView withSummary(LocalizedText resultSummary) {
    return new ConsultationView(id, content, phase, draftedAt, phases, resultSummary, sequence);
  }

  /**
   * When its dates move it next (the phase watch looks for it then), or {@code null} if no date
   * will: closed, published, or voting started by hand without a date for its end.
   */
  public Instant nextMoveAt() {
    return switch (phase) {
      case DRAFT -> content.opensAt();
      case OPEN -> content.closesAt();
      case VOTING -> content.votingEndsAt();
      case CLOSED, RESULTS_PUBLISHED -> null;
    };
  }

  @Override
  public ConsultationView atSequence(long sequence) {
    return new ConsultationView(id, content, phase, draftedAt, phases, summary, sequence);
  }
}
