package de.rathaus.application.statistics;

import de.rathaus.application.shared.Versioned;
import de.rathaus.domain.servicerequest.ServiceRequestSubmitted;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceCode;
import java.time.Duration;
import java.time.Instant;

/**
 * What the statistics need of one case, and nothing personal: its service, the department it was
 * submitted to and the one handling it now (at its decision, once decided), when it was submitted,
 * decided or withdrawn, its due date, the time spent waiting for the applicant, and whether it was
 * flagged overdue.
 *
 * @param id the case's id
 * @param waitedMillis the time spent waiting for the applicant, questions answered or cancelled
 * @param waitingSince when the open question was asked, or {@code null} if none is open
 * @param sequence the last event of the case this record applied
 */
public record CaseFigures(
    String id,
    ServiceCode service,
    DepartmentCode submittedTo,
    DepartmentCode department,
    Instant submittedAt,
    Instant dueDate,
    long waitedMillis,
    Instant waitingSince,
    Instant decidedAt,
    Instant withdrawnAt,
    boolean overdue,
    long sequence)
    implements Versioned<CaseFigures> {

  static CaseFigures submitted(ServiceRequestSubmitted e) {
    return new CaseFigures(
        e.id().value(),
        e.serviceCode(),
        e.department(),
        e.department(),
        e.submittedAt(),
        e.dueDate(),
        0,
        null,
        null,
        null,
        false,
        0);
  }

  CaseFigures forwardedTo(DepartmentCode to) {
    return new CaseFigures(
        id,
        service,
        submittedTo,
        to,
        submittedAt,
        dueDate,
        waitedMillis,
        waitingSince,
        decidedAt,
        withdrawnAt,
        overdue,
        sequence);
  }

  CaseFigures asked(Instant at) {
    return new CaseFigures(
        id,
        service,
        submittedTo,
        department,
        submittedAt,
        dueDate,
        waitedMillis,
        at,
        decidedAt,
        withdrawnAt,
        overdue,
        sequence);
  }

  /** The question was answered or cancelled at {@code at}: its waiting time is counted. */
  CaseFigures resumed(Instant at, Instant newDueDate) {
    long waited =
        waitingSince == null ? 0 : Math.max(0, Duration.between(waitingSince, at).toMillis());
    return new CaseFigures(
        id,
        service,
        submittedTo,
        department,
        submittedAt,
        newDueDate,
        waitedMillis + waited,
        null,
        decidedAt,
        withdrawnAt,
        overdue,
        sequence);
  }

  CaseFigures flaggedOverdue() {
    return new CaseFigures(
        id,
        service,
        submittedTo,
        department,
        submittedAt,
        dueDate,
        waitedMillis,
        waitingSince,
        decidedAt,
        withdrawnAt,
        true,
        sequence);
  }

  CaseFigures decided(Instant at) {
    return new CaseFigures(
        id,
        service,
        submittedTo,
        department,
        submittedAt,
        dueDate,
        waitedMillis,
        waitingSince,
        at,
        withdrawnAt,
        overdue,
        sequence);
  }

  CaseFigures withdrawn(Instant at) {
    return new CaseFigures(
        id,
        service,
        submittedTo,
        department,
        submittedAt,
        dueDate,
        waitedMillis,
        waitingSince,
        decidedAt,
        at,
        overdue,
        sequence);
  }

  /** Whether the office still works on it (neither decided nor withdrawn). */
  public boolean open() {
    return decidedAt == null && withdrawnAt == null;
  }

  /** Open and flagged overdue. */
  public boolean overdueNow() {
    return open() && overdue;
  }

  /**
   * The processing time of a decided case: from submission to decision, without the time spent
   * waiting for the applicant (never below zero).
   */
  public Duration processing() {
    return Duration.ofMillis(
        Math.max(0, Duration.between(submittedAt, decidedAt).toMillis() - waitedMillis));
  }

  /** A decided case was decided by its due date (moved by the waiting time). */
  public boolean decidedInTime() {
    return !decidedAt.isAfter(dueDate);
  }

  @Override
  public CaseFigures atSequence(long sequence) {
    return new CaseFigures(
        id,
        service,
        submittedTo,
        department,
        submittedAt,
        dueDate,
        waitedMillis,
        waitingSince,
        decidedAt,
        withdrawnAt,
        overdue,
        sequence);
  }
}
