package de.rathaus.application.servicerequest;

import de.rathaus.domain.servicerequest.MarkAnswerOverdue;
import de.rathaus.domain.servicerequest.MarkCaseOverdue;
import de.rathaus.domain.servicerequest.ServiceRequestRuleViolation;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Flags open cases whose due date has passed, so that they show up as overdue in the work queue,
 * and questions to applicants whose answer date has passed without an answer, so that the clerk
 * sees that the case waits in vain.
 *
 * <p>It keeps nothing in memory between runs: each run reads the stored cases that are due and not
 * flagged yet, and asks each one to flag itself. A case that fell due while the engine was stopped
 * is flagged by the first run after the start. The case itself decides (it refuses if it is no
 * longer due, was paused or answered meanwhile, or was flagged by another instance), so running the
 * watch twice, or on two instances, flags once.
 */
public class DeadlineWatch {

  private final CaseViews cases;
  private final CommandGateway commands;

  public DeadlineWatch(CaseViews cases, CommandGateway commands) {
    this.cases = cases;
    this.commands = commands;
  }

  /**
   * What one run did.
   *
   * @param flagged the cases flagged overdue, or whose answer was flagged overdue
   * @param failed the cases that could not be flagged (they are tried again on the next run)
   */
  public record Run(List<ServiceRequestId> flagged, List<Failure> failed) {
    public Run {
      flagged = List.copyOf(flagged);
      failed = List.copyOf(failed);
    }
  }

  /**
   * A case the watch could not flag, and why, by the exception's type only (a message could quote a
   * value). The id is the case's, a random UUID that names no one.
   */
  public record Failure(ServiceRequestId id, Class<? extends RuntimeException> cause) {}

  /** Flags every case and every answer due before {@code now}. */
  public Run flagOverdue(Instant now) {
    List<ServiceRequestId> flagged = new ArrayList<>();
    List<Failure> failed = new ArrayList<>();
    flag(cases.idsRunningAndDueBefore(now), id -> new MarkCaseOverdue(id, now), flagged, failed);
    flag(
        cases.idsWaitingWithAnswerDueBefore(now),
        id -> new MarkAnswerOverdue(id, now),
        flagged,
        failed);
    return new Run(flagged, failed);
  }

  private void flag(
      List<ServiceRequestId> due,
      Function<ServiceRequestId, Object> command,
      List<ServiceRequestId> flagged,
      List<Failure> failed) {
    for (ServiceRequestId id : due) {
      try {
        commands.sendAndWait(command.apply(id));
        flagged.add(id);
      } catch (ServiceRequestRuleViolation changedMeanwhile) {
        // the view was behind the case (paused, decided or flagged since): the case's word counts
      } catch (RuntimeException failure) {
        // one case that fails (flagged concurrently by another instance, unreadable) must not
        // keep the cases after it from being flagged; it is tried again on the next run
        failed.add(new Failure(id, failure.getClass()));
      }
    }
  }
}
