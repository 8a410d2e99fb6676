package de.rathaus.application.servicerequest;

import de.rathaus.application.shared.Page;
import de.rathaus.domain.servicerequest.ClerkId;
import de.rathaus.domain.servicerequest.RequestStatus;
import de.rathaus.domain.shared.DepartmentCode;

/**
 * A page of a department's work queue, oldest due date first; each filter optional.
 *
 * @param status only cases in this status
 * @param assignee only cases of this clerk
 * @param overdue {@code true}: only open cases flagged overdue; {@code false}: only those not
 * @param answerOverdue {@code true}: only cases waiting for an answer past its date
 * @param after the cursor of the previous page, or {@code null} for the first page
 * @param size items per page, 1 to {@value Page#MAX_SIZE}
 * @param caseNumber only the case of this number
 * @param nameTokens only cases whose applicant's name holds all these blind tokens ({@link
 *     ApplicantNameIndex}); empty: any
 */
public record ListCases(
    DepartmentCode department,
    RequestStatus status,
    ClerkId assignee,
    Boolean overdue,
    Boolean answerOverdue,
    String after,
    int size,
    String caseNumber,
    java.util.List<String> nameTokens) {

  public ListCases {
    if (department == null) {
      throw new IllegalArgumentException("A queue belongs to a department");
    }
    Page.requireSize(size);
    nameTokens = nameTokens == null ? java.util.List.of() : java.util.List.copyOf(nameTokens);
  }

  /** The queue without a search. */
  public ListCases(
      DepartmentCode department,
      RequestStatus status,
      ClerkId assignee,
      Boolean overdue,
      Boolean answerOverdue,
      String after,
      int size) {
    this(department, status, assignee, overdue, answerOverdue, after, size, null, null);
  }
}
