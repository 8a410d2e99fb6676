package de.rathaus.domain.servicerequest;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import java.util.Collection;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A citizen's request or report as the city processes it: the Antrag, and the Vorgang a department
 * works on until it is decided (Bescheid) and closed, or withdrawn by the applicant. It keeps the
 * deadline: the due date comes from the service's processing target, pauses while the office waits
 * for the applicant, and a case past it is flagged overdue.
 *
 * <p>The applicant is the only one who may answer or withdraw; only clerks of the department that
 * currently handles the case may process it. The case holds only what its rules need; everything
 * shown to people lives in the events and the read models built from them.
 */
public class ServiceRequest {

  @AggregateIdentifier private ServiceRequestId id;
  private CitizenId applicant;
  private DepartmentCode department;
  private RequestKind kind;
  private ClerkId assignee;
  private RequestStatus status;
  private Instant dueDate;
  private Instant waitingSince;
  private InformationRequestId openInformationRequest;
  private Instant answerDueDate;
  private boolean answerOverdue;
  private boolean overdue;
  private CaseAttachments attachments = CaseAttachments.none();
  private Instant decidedAt;
  private boolean objected;
  private boolean objectionDecided;

  /** For Axon, which rebuilds the case from its events. */
  protected ServiceRequest() {}

  @CommandHandler
  public ServiceRequest(SubmitServiceRequest command) {
    CaseRules.requireLocationForReports(command.kind(), command.location());
    CaseRules.requireNamedApplicantForApplications(command.kind(), command.contact());
    ApplicantContact contact = command.contact();
    apply(
        new ServiceRequestSubmitted(
            command.id(),
            command.caseNumber(),
            command.applicant(),
            command.serviceCode(),
            command.serviceVersion(),
            command.department(),
            command.kind(),
            command.attributes(),
            command.description(),
            command.kind() == RequestKind.REPORT ? command.location() : null,
            command.kind() == RequestKind.REQUEST ? command.location() : null,
            contact.name(),
            contact.email(),
            contact.phone(),
            contact.address(),
            command.processingDays(),
            command.submittedAt(),
            CaseRules.dueDate(command.submittedAt(), command.processingDays())));
  }

  @CommandHandler
  public void handle(AssignCase command) {
    CaseRules.requireClerkOfDepartment(department, command.actorDepartment());
    CaseRules.requireOpen(status);
    CaseRules.requireAssigneeOfDepartment(department, command.assigneeDepartment());
    CaseRules.requireNewAssignee(assignee, command.assignee());
    apply(new CaseAssigned(id, command.assignee(), command.at()));
  }

  @CommandHandler
  public void handle(ForwardCase command) {
    CaseRules.requireClerkOfDepartment(department, command.actorDepartment());
    CaseRules.requireOpen(status);
    CaseRules.requireOtherDepartment(department, command.toDepartment());
    CaseRules.requireActiveDepartment(command.toDepartmentActive());
    apply(
        new CaseForwarded(
            id, applicant, department, command.toDepartment(), command.reason(), command.at()));
  }

  @CommandHandler
  public void handle(RequestInformation command) {
    CaseRules.requireClerkOfDepartment(department, command.actorDepartment());
    CaseRules.requireInProgress(status);
    CaseRules.requireAnswerDueAfterQuestion(command.answerDueDate(), command.at());
    apply(
        new InformationRequested(
            id,
            applicant,
            command.informationRequestId(),
            command.question(),
            command.answerDueDate(),
            command.at()));
  }

  @CommandHandler
  public void handle(AnswerInformationRequest command) {
    CaseRules.requireApplicant(applicant, command.applicant());
    CaseRules.requireWaitingForApplicant(status);
    apply(
        new InformationRequestAnswered(
            id,
            openInformationRequest,
            applicant,
            command.text(),
            CaseRules.dueDateAfterWaiting(dueDate, waitingSince, command.at()),
            command.at()));
  }

  @CommandHandler
  public void handle(CancelInformationRequest command) {
    CaseRules.requireClerkOfDepartment(department, command.actorDepartment());
    CaseRules.requireWaitingForApplicant(status);
    CaseRules.requireOpenQuestion(openInformationRequest, command.informationRequestId());
    apply(
        new InformationRequestCancelled(
            id,
            applicant,
            openInformationRequest,
            command.reason(),
            CaseRules.dueDateAfterWaiting(dueDate, waitingSince, command.at()),
            command.at()));
  }

  @CommandHandler
  public void handle(AddInternalNote command) {
    CaseRules.requireClerkOfDepartment(department, command.actorDepartment());
    CaseRules.requireOpen(status);
    apply(new InternalNoteAdded(id, applicant, command.author(), command.text(), command.at()));
  }

  @CommandHandler
  public void handle(DecideCase command) {
    CaseRules.requireClerkOfDepartment(department, command.actorDepartment());
    CaseRules.requireInProgress(status);
    apply(new CaseDecided(id, applicant, command.decision(), command.at()));
  }

  @CommandHandler
  public void handle(CloseCase command) {
    CaseRules.requireClerkOfDepartment(department, command.actorDepartment());
    CaseRules.requireDecided(status);
    apply(new CaseClosed(id, command.at()));
  }

  @CommandHandler
  public void handle(WithdrawServiceRequest command) {
    CaseRules.requireApplicant(applicant, command.applicant());
    ObjectionRules.requireBeforeDecision(status);
    apply(new ServiceRequestWithdrawn(id, applicant, command.reason(), command.at()));
  }

  @CommandHandler
  public void handle(RectifyApplicantContact command) {
    CaseRules.requireApplicant(applicant, command.applicant());
    CaseRules.requireOpen(status);
    CaseRules.requireNamedApplicantForApplications(kind, command.contact());
    ApplicantContact contact = command.contact();
    apply(
        new ApplicantContactRectified(
            id,
            applicant,
            contact.name(),
            contact.email(),
            contact.phone(),
            contact.address(),
            command.at()));
  }

  @CommandHandler
  public void handle(AttachDocument command) {
    AttachmentPurpose purpose = command.purpose();
    if (purpose.byApplicant()) {
      CaseRules.requireApplicant(applicant, command.citizen());
      AttachmentRules.requireOpenForApplicant(purpose, status, objectionDecided);
    } else {
      CaseRules.requireClerkOfDepartment(department, command.actorDepartment());
      AttachmentRules.requireOpenForOffice(purpose, status);
    }
    AttachmentRef document = command.document();
    AttachmentRules.requireNewAttachment(attachments, document.id());
    AttachmentRules.requireContent(document);
    AttachmentRules.requireWithinFileSize(document, command.limits());
    AttachmentRules.requireRoomForAnother(attachments.count(), command.limits());
    AttachmentRules.requireWithinTotalSize(attachments.bytes(), document, command.limits());
    boolean aboutQuestion =
        purpose == AttachmentPurpose.ANSWER || purpose == AttachmentPurpose.QUESTION;
    apply(
        new DocumentAttached(
            id,
            applicant,
            document,
            command.name(),
            purpose,
            aboutQuestion ? openInformationRequest : null,
            command.at()));
  }

  @CommandHandler
  public void handle(FileObjection command) {
    CaseRules.requireApplicant(applicant, command.applicant());
    ObjectionRules.requireNoObjectionYet(objected);
    ObjectionRules.requireDecision(status);
    ObjectionRules.requireWithinPeriod(decidedAt, command.period(), command.at());
    requireApplicantsAttachments(command.attachments());
    apply(
        new ObjectionFiled(
            id,
            applicant,
            command.reasons(),
            command.attachments(),
            ObjectionRules.dueDate(command.at(), command.deadline()),
            command.at()));
  }

  @CommandHandler
  public void handle(DecideObjection command) {
    CaseRules.requireClerkOfDepartment(department, command.actorDepartment());
    ObjectionRules.requireObjectionPending(status);
    apply(
        new ObjectionDecided(id, applicant, command.outcome(), command.reasoning(), command.at()));
  }

  /**
   * For commands that refer to documents filed before (an objection's attachments): each one must
   * be a document the applicant attached to this case.
   */
  void requireApplicantsAttachments(Collection<AttachmentId> named) {
    AttachmentRules.requireApplicantsAttachments(attachments, named);
  }

  @CommandHandler
  public void handle(MarkCaseOverdue command) {
    CaseRules.requireNewlyOverdue(status, overdue, dueDate, command.at());
    apply(new CaseBecameOverdue(id, dueDate, command.at()));
  }

  @CommandHandler
  public void handle(MarkAnswerOverdue command) {
    CaseRules.requireWaitingForApplicant(status);
    CaseRules.requireNewlyOverdueAnswer(answerOverdue, answerDueDate, command.at());
    apply(
        new InformationRequestBecameOverdue(
            id, openInformationRequest, answerDueDate, command.at()));
  }

  @EventSourcingHandler
  void on(ServiceRequestSubmitted event) {
    id = event.id();
    applicant = event.applicant();
    department = event.department();
    kind = event.kind();
    status = RequestStatus.SUBMITTED;
    dueDate = event.dueDate();
  }

  @EventSourcingHandler
  void on(CaseAssigned event) {
    assignee = event.assignee();
    if (status == RequestStatus.SUBMITTED) {
      status = RequestStatus.IN_PROGRESS;
    }
  }

  @EventSourcingHandler
  void on(CaseForwarded event) {
    department = event.toDepartment();
    assignee = null;
  }

  @EventSourcingHandler
  void on(InformationRequested event) {
    status = RequestStatus.WAITING_FOR_APPLICANT;
    openInformationRequest = event.informationRequestId();
    answerDueDate = event.answerDueDate();
    answerOverdue = false;
    waitingSince = event.at();
  }

  @EventSourcingHandler
  void on(InformationRequestBecameOverdue event) {
    answerOverdue = true;
  }

  @EventSourcingHandler
  void on(InformationRequestAnswered event) {
    resume(event.newDueDate());
  }

  @EventSourcingHandler
  void on(InformationRequestCancelled event) {
    resume(event.newDueDate());
  }

  private void resume(Instant newDueDate) {
    status = RequestStatus.IN_PROGRESS;
    openInformationRequest = null;
    answerDueDate = null;
    answerOverdue = false;
    waitingSince = null;
    dueDate = newDueDate;
  }

  @EventSourcingHandler
  void on(CaseDecided event) {
    status = RequestStatus.DECIDED;
    decidedAt = event.at();
  }

  @EventSourcingHandler
  void on(ObjectionFiled event) {
    status = RequestStatus.OBJECTION_PENDING;
    objected = true;
    dueDate = event.dueDate();
    overdue = false;
  }

  @EventSourcingHandler
  void on(ObjectionDecided event) {
    status = RequestStatus.DECIDED;
    objectionDecided = true;
  }

  @EventSourcingHandler
  void on(CaseClosed event) {
    status = RequestStatus.CLOSED;
  }

  @EventSourcingHandler
  void on(ServiceRequestWithdrawn event) {
    status = RequestStatus.WITHDRAWN;
  }

  @EventSourcingHandler
  void on(CaseBecameOverdue event) {
    overdue = true;
  }

  @EventSourcingHandler
  void on(DocumentAttached event) {
    attachments = attachments.with(event.document(), event.purpose());
  }
}
