package de.rathaus.application.servicerequest;

import de.rathaus.application.shared.Versioned;
import de.rathaus.domain.servicerequest.ClerkId;
import de.rathaus.domain.servicerequest.ServiceRequestSubmitted;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.PersonalData;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A case as the clerks of its department see it: everything the applicant sees ({@link #request()},
 * the same progress and timeline) plus who works on it, how to reach the applicant, and the
 * internal notes, which the applicant never sees.
 *
 * @param applicant the applicant's pseudonymous id (the data subject of every personal part)
 * @param request the case's progress as the applicant sees it
 * @param assignee the clerk working on it, if any
 * @param contact the applicant's contact details as given with the submission, or as corrected by
 *     them since
 * @param notes the internal notes, oldest first
 * @param sequence the last event of the case this view applied
 */
public record CaseView(
    ServiceRequestId id,
    @DataSubject CitizenId applicant,
    RequestView request,
    ClerkId assignee,
    Contact contact,
    List<Note> notes,
    long sequence)
    implements Versioned<CaseView> {

  public CaseView {
    notes = List.copyOf(notes);
  }

  /** Without the personal parts (the request's, the contact, the notes). */
  @Override
  public String toString() {
    return "CaseView[id="
        + id
        + ", assignee="
        + assignee
        + ", notes="
        + notes.size()
        + ", sequence="
        + sequence
        + ", request="
        + request
        + "]";
  }

  /** How the office reaches the applicant; every part personal and optional. */
  public record Contact(
      @PersonalData String name,
      @PersonalData String email,
      @PersonalData String phone,
      @PersonalData String address) {

    @Override
    public String toString() {
      return "Contact[personal data]";
    }
  }

  /** An internal note: never shown to the applicant. */
  public record Note(ClerkId author, @PersonalData String text, Instant at) {

    @Override
    public String toString() {
      return "Note[author=" + author + ", at=" + at + ", text=personal data]";
    }
  }

  public static CaseView submitted(ServiceRequestSubmitted e) {
    return new CaseView(
        e.id(),
        e.applicant(),
        RequestView.submitted(e),
        null,
        new Contact(
            e.applicantName(), e.applicantEmail(), e.applicantPhone(), e.applicantAddress()),
        List.of(),
        0);
  }

  /** The department handling the case now. */
  public DepartmentCode department() {
    return request.department();
  }

  /** The case progressed as the applicant sees it too. */
  public CaseView progressed(UnaryOperator<RequestView> change) {
    return new CaseView(id, applicant, change.apply(request), assignee, contact, notes, sequence);
  }

  public CaseView assignedTo(ClerkId clerk, Instant at) {
    return new CaseView(id, applicant, request.assigned(at), clerk, contact, notes, sequence);
  }

  /** The case arrives at the other department without an assignee. */
  public CaseView forwardedTo(DepartmentCode department, Instant at) {
    return new CaseView(
        id, applicant, request.forwarded(department, at), null, contact, notes, sequence);
  }

  /** The applicant corrected their contact details: these replace the ones given before. */
  public CaseView rectified(Contact corrected, Instant at) {
    return new CaseView(
        id, applicant, request.contactRectified(at), assignee, corrected, notes, sequence);
  }

  public CaseView noted(Note note) {
    List<Note> more = new ArrayList<>(notes);
    more.add(note);
    return new CaseView(id, applicant, request, assignee, contact, more, sequence);
  }

  @Override
  public CaseView atSequence(long sequence) {
    return new CaseView(
        id, applicant, request.atSequence(sequence), assignee, contact, notes, sequence);
  }
}
