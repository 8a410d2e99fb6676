package de.rathaus.application.servicerequest;

import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A case as the clerks of its department see it: everything of the applicant's view plus the
 * assignee, the applicant's contact, the overdue flag and the internal notes.
 *
 * @param applicant the applicant's pseudonymous id
 * @param revision how many events shaped this view, so that a command's answer can wait for it
 */
public record CaseView(
    String id,
    String caseNumber,
    String serviceCode,
    String kind,
    @DataSubject String applicant,
    String department,
    String status,
    String assignee,
    Instant submittedAt,
    Instant dueDate,
    boolean overdue,
    @PersonalData String applicantName,
    @PersonalData String applicantEmail,
    @PersonalData String applicantPhone,
    @PersonalData String applicantAddress,
    @PersonalData Map<String, Object> attributes,
    @PersonalData String description,
    Double lat,
    Double lon,
    @PersonalData String address,
    List<Note> notes,
    List<RequestView.Question> informationRequests,
    RequestView.Outcome decision,
    int revision) {

  /** An internal note: never shown to the applicant. */
  public record Note(String author, @PersonalData String text, Instant at) {}

  public boolean open() {
    return status.equals("SUBMITTED")
        || status.equals("IN_PROGRESS")
        || status.equals("WAITING_FOR_APPLICANT");
  }
}
