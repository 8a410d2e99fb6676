package de.rathaus.domain.servicerequest;

/**
 * A command the case refuses because a rule forbids it in the case's current state, or because the
 * one asking may not do it. Nothing is recorded. The {@link #code()} is machine-readable (the API
 * turns it into a problem type); the message names the rule, never personal data.
 */
public class ServiceRequestRuleViolation extends RuntimeException {

  /** The rule that was broken. */
  public enum Code {
    /** A report of an issue in public space needs a location. */
    LOCATION_REQUIRED,
    /** An application needs the applicant's name: a decision is addressed to a person. */
    APPLICANT_NAME_REQUIRED,
    /** The case is decided, closed or withdrawn. */
    NOT_OPEN,
    /** The step needs a case a clerk is working on. */
    NOT_IN_PROGRESS,
    /** No question to the applicant is open. */
    NOT_WAITING,
    /** Closing needs a decided case. */
    NOT_DECIDED,
    /** Only the applicant may do this. */
    NOT_THE_APPLICANT,
    /** The clerk belongs to another department than the one handling the case. */
    NOT_YOUR_DEPARTMENT,
    /** The assignee is no clerk of the department that handles the case. */
    NOT_A_CLERK_OF_THE_DEPARTMENT,
    /** The case is already assigned to this clerk. */
    ALREADY_ASSIGNED,
    /** The department a case is forwarded to is not one of the city's active departments. */
    UNKNOWN_DEPARTMENT,
    /** A case cannot be forwarded to the department that already handles it. */
    SAME_DEPARTMENT,
    /** The applicant's answer must be due after the question is asked. */
    ANSWER_DUE_BEFORE_QUESTION,
    /** The deadline clock is paused while the office waits for the applicant. */
    CLOCK_PAUSED,
    /** The due date has not passed yet. */
    NOT_OVERDUE_YET,
    /** The case (or its open question's answer) has already been flagged overdue. */
    ALREADY_OVERDUE,
    /** The question named is not the one open on the case. */
    UNKNOWN_QUESTION,
    /** A document of this id is already attached to the case. */
    ALREADY_ATTACHED,
    /** A document without content. */
    EMPTY_ATTACHMENT,
    /** A document larger than a single document may be. */
    ATTACHMENT_TOO_LARGE,
    /** The case holds as many documents as it may. */
    TOO_MANY_ATTACHMENTS,
    /** The case's documents would be larger together than they may be. */
    ATTACHMENTS_TOO_LARGE,
    /** A document named is not one the applicant attached to this case. */
    UNKNOWN_ATTACHMENT,
    /** The period in which the decision could be objected to is over. */
    OBJECTION_PERIOD_OVER,
    /** The decision has already been objected to: one objection per decision. */
    ALREADY_OBJECTED,
    /** No objection is pending on the case. */
    NO_OBJECTION_PENDING
  }

  private final Code code;

  public ServiceRequestRuleViolation(Code code, String message) {
    super(code + ": " + message);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}
