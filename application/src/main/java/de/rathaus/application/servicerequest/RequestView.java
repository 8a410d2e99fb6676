package de.rathaus.application.servicerequest;

import de.rathaus.application.shared.Versioned;
import de.rathaus.domain.servicerequest.AttachmentId;
import de.rathaus.domain.servicerequest.AttachmentPurpose;
import de.rathaus.domain.servicerequest.AttachmentRef;
import de.rathaus.domain.servicerequest.DecisionOutcome;
import de.rathaus.domain.servicerequest.DocumentAttached;
import de.rathaus.domain.servicerequest.InformationRequestId;
import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.servicerequest.ObjectionOutcome;
import de.rathaus.domain.servicerequest.RequestKind;
import de.rathaus.domain.servicerequest.RequestStatus;
import de.rathaus.domain.servicerequest.ServiceRequestSubmitted;
import de.rathaus.domain.shared.CaseNumber;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.PersonalData;
import de.rathaus.domain.shared.ServiceCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A request as its applicant sees it: status, deadline, the public timeline, questions from the
 * office and the decision — never the clerks' internal notes or who works on it. The clerks' view
 * ({@link CaseView}) holds one of these too, so that both show the same progress.
 *
 * <p>Stored with the personal parts encrypted under the applicant's key (see {@link PersonalData}).
 * Each change is a method that answers the changed copy; {@link #sequence()} is the last event of
 * the case it applied.
 *
 * @param applicant the applicant's pseudonymous id, to check ownership
 * @param overdue whether the case passed its due date undecided (it stays flagged once flagged)
 * @param location where a reported issue is (coordinates public, address personal)
 * @param privateLocation the place an application concerns (all of it personal)
 * @param withdrawalReason the applicant's reason, once they withdrew (optional)
 */
public record RequestView(
    ServiceRequestId id,
    CaseNumber caseNumber,
    @DataSubject CitizenId applicant,
    ServiceCode serviceCode,
    int serviceVersion,
    RequestKind kind,
    DepartmentCode department,
    RequestStatus status,
    Instant submittedAt,
    Instant dueDate,
    boolean overdue,
    @PersonalData Map<String, Object> attributes,
    @PersonalData String description,
    Location location,
    @PersonalData Location privateLocation,
    List<TimelineEntry> timeline,
    List<Question> informationRequests,
    Outcome decision,
    @PersonalData String withdrawalReason,
    long sequence,
    List<Attachment> attachments,
    Objection objection)
    implements Versioned<RequestView> {

  public RequestView {
    timeline = List.copyOf(timeline);
    informationRequests = List.copyOf(informationRequests);
    // views stored before documents could be attached have none
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /**
   * A document filed with the case, by the applicant or by the office ({@link
   * AttachmentPurpose#byApplicant()}); its bytes are kept encrypted apart from the view.
   *
   * @param name the file's name as uploaded (personal data; a placeholder once erased)
   * @param informationRequestId the question it belongs to (an answer's or a question's), or {@code
   *     null}
   */
  public record Attachment(
      AttachmentId id,
      @PersonalData String name,
      String mediaType,
      long size,
      String sha256,
      AttachmentPurpose purpose,
      InformationRequestId informationRequestId,
      Instant at) {

    public static Attachment of(DocumentAttached e) {
      AttachmentRef document = e.document();
      return new Attachment(
          document.id(),
          e.name(),
          document.mediaType(),
          document.size(),
          document.sha256(),
          e.purpose(),
          e.informationRequestId(),
          e.at());
    }

    @Override
    public String toString() {
      return "Attachment[id=" + id + ", " + mediaType + ", size=" + size + ", personal data]";
    }
  }

  /** The document of this id filed with the case, if there is one. */
  public java.util.Optional<Attachment> attachment(AttachmentId attachment) {
    return attachments.stream().filter(a -> a.id().equals(attachment)).findFirst();
  }

  /** Without the personal parts (attributes, description, places, answers, reasons). */
  @Override
  public String toString() {
    return "RequestView[id="
        + id
        + ", service="
        + serviceCode
        + " v"
        + serviceVersion
        + ", department="
        + department
        + ", status="
        + status
        + ", sequence="
        + sequence
        + "]";
  }

  /** A step of the public timeline: what happened, the status after it, and when. */
  public record TimelineEntry(TimelineStep type, RequestStatus status, Instant at) {}

  /** Where a question to the applicant stands. */
  public enum QuestionState {
    OPEN,
    ANSWERED,
    CANCELLED
  }

  /**
   * A question from the office and, once given, the applicant's answer.
   *
   * @param overdue whether the answer date passed without an answer
   */
  public record Question(
      InformationRequestId id,
      @PersonalData String question,
      Instant answerDueDate,
      QuestionState state,
      @PersonalData String answer,
      Instant answeredAt,
      boolean overdue) {

    Question answered(String text, Instant at) {
      return new Question(id, question, answerDueDate, QuestionState.ANSWERED, text, at, overdue);
    }

    Question cancelled() {
      return new Question(
          id, question, answerDueDate, QuestionState.CANCELLED, null, null, overdue);
    }

    Question flaggedOverdue() {
      return new Question(id, question, answerDueDate, state, answer, answeredAt, true);
    }

    @Override
    public String toString() {
      return "Question[id=" + id + ", state=" + state + ", personal data]";
    }
  }

  /** The decision (Bescheid). */
  public record Outcome(
      DecisionOutcome outcome,
      @PersonalData String reasoning,
      @PersonalData String legalBasis,
      Instant at) {

    @Override
    public String toString() {
      return "Outcome[" + outcome + ", at=" + at + ", personal data]";
    }
  }

  /**
   * The applicant's objection to the decision (Widerspruch) and, once decided, the office's answer.
   *
   * @param reasons the applicant's reasons (personal data)
   * @param attachments the documents of the case the objection names
   * @param dueDate by when the office must decide it
   * @param outcome the office's decision on it, or {@code null} while pending
   * @param reasoning the office's reasons (personal data), or {@code null} while pending
   */
  public record Objection(
      @PersonalData String reasons,
      List<AttachmentId> attachments,
      Instant filedAt,
      Instant dueDate,
      ObjectionOutcome outcome,
      @PersonalData String reasoning,
      Instant decidedAt) {

    public Objection {
      attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    Objection decided(ObjectionOutcome decision, String why, Instant at) {
      return new Objection(reasons, attachments, filedAt, dueDate, decision, why, at);
    }

    @Override
    public String toString() {
      return "Objection[filedAt=" + filedAt + ", outcome=" + outcome + ", personal data]";
    }
  }

  /** The view a submission creates. */
  public static RequestView submitted(ServiceRequestSubmitted e) {
    return new RequestView(
        e.id(),
        e.caseNumber(),
        e.applicant(),
        e.serviceCode(),
        e.serviceVersion(),
        e.kind(),
        e.department(),
        RequestStatus.SUBMITTED,
        e.submittedAt(),
        e.dueDate(),
        false,
        e.attributes(),
        e.description(),
        e.location(),
        e.privateLocation(),
        List.of(
            new TimelineEntry(TimelineStep.SUBMITTED, RequestStatus.SUBMITTED, e.submittedAt())),
        List.of(),
        null,
        null,
        0,
        List.of(),
        null);
  }

  /** A clerk took the case: submitted cases are in progress from now on. */
  public RequestView assigned(Instant at) {
    RequestStatus next = status == RequestStatus.SUBMITTED ? RequestStatus.IN_PROGRESS : status;
    return step(TimelineStep.ASSIGNED, next, at, d -> {});
  }

  public RequestView forwarded(DepartmentCode to, Instant at) {
    return step(TimelineStep.FORWARDED, status, at, d -> d.department = to);
  }

  public RequestView asked(
      InformationRequestId question, String text, Instant answerDueDate, Instant at) {
    Question asked =
        new Question(question, text, answerDueDate, QuestionState.OPEN, null, null, false);
    return step(
        TimelineStep.INFORMATION_REQUESTED,
        RequestStatus.WAITING_FOR_APPLICANT,
        at,
        d -> d.questions.add(asked));
  }

  public RequestView answered(
      InformationRequestId question, String text, Instant newDueDate, Instant at) {
    return step(
        TimelineStep.INFORMATION_ANSWERED,
        RequestStatus.IN_PROGRESS,
        at,
        d -> {
          d.question(question, q -> q.answered(text, at));
          d.dueDate = newDueDate;
        });
  }

  public RequestView questionCancelled(
      InformationRequestId question, Instant newDueDate, Instant at) {
    return step(
        TimelineStep.INFORMATION_REQUEST_CANCELLED,
        RequestStatus.IN_PROGRESS,
        at,
        d -> {
          d.question(question, Question::cancelled);
          d.dueDate = newDueDate;
        });
  }

  /** The open question's answer date passed without an answer (no timeline step: a flag). */
  public RequestView answerOverdue(InformationRequestId question) {
    return with(d -> d.question(question, Question::flaggedOverdue));
  }

  public RequestView becameOverdue(Instant at) {
    return step(TimelineStep.OVERDUE, status, at, d -> d.overdue = true);
  }

  public RequestView decided(Outcome outcome) {
    return step(
        TimelineStep.DECIDED, RequestStatus.DECIDED, outcome.at(), d -> d.decision = outcome);
  }

  public RequestView closed(Instant at) {
    return step(TimelineStep.CLOSED, RequestStatus.CLOSED, at, d -> {});
  }

  public RequestView withdrawn(String reason, Instant at) {
    return step(
        TimelineStep.WITHDRAWN, RequestStatus.WITHDRAWN, at, d -> d.withdrawalReason = reason);
  }

  /**
   * The applicant objected: the case is an objection procedure due by its own date, and not overdue
   * (yet) by it.
   */
  public RequestView objectionFiled(
      String reasons, List<AttachmentId> attachments, Instant dueDate, Instant at) {
    return step(
        TimelineStep.OBJECTION_FILED,
        RequestStatus.OBJECTION_PENDING,
        at,
        d -> {
          d.objection = new Objection(reasons, attachments, at, dueDate, null, null, null);
          d.dueDate = dueDate;
          d.overdue = false;
        });
  }

  /** The office decided the objection: the case is decided again. */
  public RequestView objectionDecided(ObjectionOutcome outcome, String reasoning, Instant at) {
    return step(
        TimelineStep.OBJECTION_DECIDED,
        RequestStatus.DECIDED,
        at,
        d -> d.objection = d.objection.decided(outcome, reasoning, at));
  }

  /** The applicant corrected their contact details (which this view does not hold). */
  public RequestView contactRectified(Instant at) {
    return step(TimelineStep.CONTACT_RECTIFIED, status, at, d -> {});
  }

  /** A document was filed (no timeline step: the document carries its own date). */
  public RequestView attached(Attachment attachment) {
    return with(d -> d.attachments.add(attachment));
  }

  @Override
  public RequestView atSequence(long sequence) {
    return with(d -> d.sequence = sequence);
  }

  private RequestView step(
      TimelineStep type, RequestStatus next, Instant at, Consumer<Draft> change) {
    return with(
        d -> {
          d.status = next;
          d.timeline.add(new TimelineEntry(type, next, at));
          change.accept(d);
        });
  }

  private RequestView with(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.view();
  }

  /** What events change, taken from a view, changed, and made a view again. */
  private static final class Draft {
    private final RequestView from;
    private DepartmentCode department;
    private RequestStatus status;
    private Instant dueDate;
    private boolean overdue;
    private final List<TimelineEntry> timeline;
    private final List<Question> questions;
    private Outcome decision;
    private String withdrawalReason;
    private long sequence;
    private final List<Attachment> attachments;
    private Objection objection;

    private Draft(RequestView from) {
      this.from = from;
      this.department = from.department;
      this.status = from.status;
      this.dueDate = from.dueDate;
      this.overdue = from.overdue;
      this.timeline = new ArrayList<>(from.timeline);
      this.questions = new ArrayList<>(from.informationRequests);
      this.decision = from.decision;
      this.withdrawalReason = from.withdrawalReason;
      this.sequence = from.sequence;
      this.attachments = new ArrayList<>(from.attachments);
      this.objection = from.objection;
    }

    private void question(InformationRequestId id, UnaryOperator<Question> change) {
      questions.replaceAll(q -> q.id().equals(id) ? change.apply(q) : q);
    }

    private RequestView view() {
      return new RequestView(
          from.id,
          from.caseNumber,
          from.applicant,
          from.serviceCode,
          from.serviceVersion,
          from.kind,
          department,
          status,
          from.submittedAt,
          dueDate,
          overdue,
          from.attributes,
          from.description,
          from.location,
          from.privateLocation,
          timeline,
          questions,
          decision,
          withdrawalReason,
          sequence,
          attachments,
          objection);
    }
  }
}
