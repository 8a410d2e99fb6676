package de.rathaus.domain.servicerequest;

import de.rathaus.domain.servicerequest.ServiceRequestRuleViolation.Code;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DepartmentCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The rules of a case, one named method each; a broken rule throws {@link
 * ServiceRequestRuleViolation} before anything is applied. Messages name the rule and at most the
 * status, never personal data.
 */
final class CaseRules {

  private CaseRules() {}

  // --- submission

  static void requireLocationForReports(RequestKind kind, Location location) {
    refuseIf(
        kind == RequestKind.REPORT && location == null,
        Code.LOCATION_REQUIRED,
        "A report needs a location");
  }

  static void requireNamedApplicantForApplications(RequestKind kind, ApplicantContact contact) {
    refuseIf(
        kind == RequestKind.REQUEST && !contact.hasName(),
        Code.APPLICANT_NAME_REQUIRED,
        "An application needs the applicant's name");
  }

  /** The due date: the processing target in calendar days (24 hours each), counted in UTC. */
  static Instant dueDate(Instant submittedAt, int processingDays) {
    return submittedAt.plus(Duration.ofDays(processingDays));
  }

  // --- who may act

  static void requireApplicant(CitizenId applicant, CitizenId actor) {
    refuseIf(!applicant.equals(actor), Code.NOT_THE_APPLICANT, "Only the applicant may do this");
  }

  static void requireClerkOfDepartment(DepartmentCode caseDepartment, DepartmentCode actor) {
    refuseIf(
        !caseDepartment.equals(actor),
        Code.NOT_YOUR_DEPARTMENT,
        "The case is handled by another department");
  }

  // --- states

  static void requireOpen(RequestStatus status) {
    refuseIf(!status.isOpen(), Code.NOT_OPEN, "The case is " + status);
  }

  static void requireInProgress(RequestStatus status) {
    refuseIf(
        status != RequestStatus.IN_PROGRESS,
        Code.NOT_IN_PROGRESS,
        "The case is " + status + ", not IN_PROGRESS");
  }

  static void requireWaitingForApplicant(RequestStatus status) {
    refuseIf(
        status != RequestStatus.WAITING_FOR_APPLICANT,
        Code.NOT_WAITING,
        "No question to the applicant is open; the case is " + status);
  }

  static void requireDecided(RequestStatus status) {
    refuseIf(
        status != RequestStatus.DECIDED,
        Code.NOT_DECIDED,
        "Only a decided case can be closed; the case is " + status);
  }

  // --- processing

  static void requireAssigneeOfDepartment(DepartmentCode caseDepartment, DepartmentCode assignees) {
    refuseIf(
        !caseDepartment.equals(assignees),
        Code.NOT_A_CLERK_OF_THE_DEPARTMENT,
        "Only a clerk of the handling department can be assigned");
  }

  static void requireNewAssignee(ClerkId current, ClerkId next) {
    refuseIf(
        Objects.equals(current, next),
        Code.ALREADY_ASSIGNED,
        "The case is already assigned to this clerk");
  }

  static void requireOtherDepartment(DepartmentCode current, DepartmentCode target) {
    refuseIf(
        current.equals(target),
        Code.SAME_DEPARTMENT,
        "The case is already handled by this department");
  }

  static void requireActiveDepartment(boolean active) {
    refuseIf(!active, Code.UNKNOWN_DEPARTMENT, "The city has no active department of this code");
  }

  static void requireAnswerDueAfterQuestion(Instant answerDueDate, Instant askedAt) {
    refuseIf(
        !answerDueDate.isAfter(askedAt),
        Code.ANSWER_DUE_BEFORE_QUESTION,
        "The answer must be due after the question is asked");
  }

  /**
   * The due date once the applicant answered: later by exactly the time spent waiting. A clock that
   * went backwards between two engine instances never moves it earlier.
   */
  static Instant dueDateAfterWaiting(Instant dueDate, Instant waitingSince, Instant resumedAt) {
    Duration waited = Duration.between(waitingSince, resumedAt);
    return waited.isNegative() ? dueDate : dueDate.plus(waited);
  }

  static void requireOpenQuestion(InformationRequestId open, InformationRequestId given) {
    refuseIf(!given.equals(open), Code.UNKNOWN_QUESTION, "This is not the question that is open");
  }

  /** The open question's answer date has passed, and the question is not flagged yet. */
  static void requireNewlyOverdueAnswer(boolean flagged, Instant answerDueDate, Instant now) {
    refuseIf(flagged, Code.ALREADY_OVERDUE, "The answer is already flagged overdue");
    refuseIf(!now.isAfter(answerDueDate), Code.NOT_OVERDUE_YET, "The answer date has not passed");
  }

  /** Overdue: open, the clock running (not waiting), not yet flagged, and now past the due date. */
  static void requireNewlyOverdue(
      RequestStatus status, boolean flagged, Instant dueDate, Instant now) {
    requireOpen(status);
    refuseIf(flagged, Code.ALREADY_OVERDUE, "The case is already flagged overdue");
    refuseIf(
        status == RequestStatus.WAITING_FOR_APPLICANT,
        Code.CLOCK_PAUSED,
        "The deadline clock is paused while waiting for the applicant");
    refuseIf(!now.isAfter(dueDate), Code.NOT_OVERDUE_YET, "The due date has not passed");
  }

  private static void refuseIf(boolean broken, Code code, String message) {
    if (broken) {
      throw new ServiceRequestRuleViolation(code, message);
    }
  }
}
