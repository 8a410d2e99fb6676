package de.rathaus.application.participation;

import de.rathaus.domain.participation.AdvanceConsultationPhases;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ConsultationRuleViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Moves consultations to their next phases when their dates have come: {@code opensAt} opens a
 * draft, {@code closesAt} starts voting (if a voting phase is set) or closes it, {@code
 * votingEndsAt} closes it.
 *
 * <p>It keeps nothing in memory between runs: each run reads from the consultations' read model
 * those whose next date has passed and asks each one to take every move that is due, in order. A
 * consultation whose dates passed while the engine was stopped is moved by the first run after the
 * start. The consultation itself decides (it refuses if nothing is due any more: an administrator
 * moved it meanwhile, or another instance did), so running the watch twice, or on two instances,
 * moves once.
 */
public class PhaseWatch {

  private final ConsultationViews consultations;
  private final CommandGateway commands;

  public PhaseWatch(ConsultationViews consultations, CommandGateway commands) {
    this.consultations = consultations;
    this.commands = commands;
  }

  /**
   * What one run did.
   *
   * @param moved the consultations moved on
   * @param failed those that could not be moved (tried again on the next run)
   */
  public record Run(List<ConsultationId> moved, List<Failure> failed) {
    public Run {
      moved = List.copyOf(moved);
      failed = List.copyOf(failed);
    }
  }

  /** A consultation the watch could not move, and why, by the exception's type only. */
  public record Failure(ConsultationId id, Class<? extends RuntimeException> cause) {}

  /** Moves every consultation whose next date has come by {@code now}. */
  public Run advance(Instant now) {
    List<ConsultationId> moved = new ArrayList<>();
    List<Failure> failed = new ArrayList<>();
    for (ConsultationId id : consultations.idsDueBy(now)) {
      try {
        commands.sendAndWait(new AdvanceConsultationPhases(id, now));
        moved.add(id);
      } catch (ConsultationRuleViolation movedMeanwhile) {
        // the view was behind the consultation (moved by hand or by another instance since)
      } catch (RuntimeException failure) {
        // one that fails must not keep the others from moving; it is tried again next run
        failed.add(new Failure(id, failure.getClass()));
      }
    }
    return new Run(moved, failed);
  }
}
