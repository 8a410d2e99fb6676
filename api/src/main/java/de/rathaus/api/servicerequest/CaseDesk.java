package de.rathaus.api.servicerequest;

import de.rathaus.api.privacy.AccessRecording;
import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.application.catalogue.FindDepartment;
import de.rathaus.application.privacy.AccessKind;
import de.rathaus.application.servicerequest.ApplicantNameIndex;
import de.rathaus.application.servicerequest.CaseProjection;
import de.rathaus.application.servicerequest.CaseQueuePage;
import de.rathaus.application.servicerequest.CaseView;
import de.rathaus.application.servicerequest.FindCase;
import de.rathaus.application.servicerequest.ListCases;
import de.rathaus.application.servicerequest.RequestProjection;
import de.rathaus.application.shared.Answers;
import de.rathaus.domain.servicerequest.AddInternalNote;
import de.rathaus.domain.servicerequest.AssignCase;
import de.rathaus.domain.servicerequest.CancelInformationRequest;
import de.rathaus.domain.servicerequest.ClerkId;
import de.rathaus.domain.servicerequest.CloseCase;
import de.rathaus.domain.servicerequest.DecideCase;
import de.rathaus.domain.servicerequest.DecideObjection;
import de.rathaus.domain.servicerequest.Decision;
import de.rathaus.domain.servicerequest.ForwardCase;
import de.rathaus.domain.servicerequest.InformationRequestId;
import de.rathaus.domain.servicerequest.ObjectionOutcome;
import de.rathaus.domain.servicerequest.RequestInformation;
import de.rathaus.domain.servicerequest.RequestStatus;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;

/**
 * What a clerk does with their department's cases, for the API ({@link CaseController}) and the
 * portal's clerk pages alike: the queue, a case (each read of its personal data in the applicant's
 * access log), and the commands, each answered once the clerks' and the applicant's views show it
 * (read-your-writes). A clerk whose sign-in names no department, and a case of another department,
 * are {@link NotFound}; a rule of the case refuses with the domain's {@code
 * ServiceRequestRuleViolation}.
 */
public class CaseDesk {

  private static final ZoneId CITY_TIME = ZoneId.of("Europe/Berlin");

  private final CommandGateway commands;
  private final QueryGateway queries;
  private final ReadYourWrites readYourWrites;
  private final ClerkDirectory clerks;
  private final Clock clock;
  private final AccessRecording access;
  private final ApplicantNameIndex names;

  public CaseDesk(
      CommandGateway commands,
      QueryGateway queries,
      ReadYourWrites readYourWrites,
      ClerkDirectory clerks,
      Clock clock,
      AccessRecording access,
      ApplicantNameIndex names) {
    this.commands = commands;
    this.queries = queries;
    this.readYourWrites = readYourWrites;
    this.clerks = clerks;
    this.clock = clock;
    this.access = access;
    this.names = names;
  }

  /**
   * The queue's filters, each optional ({@code null}); {@code applicantName} must hold a letter or
   * a digit when given.
   */
  public record Filter(
      RequestStatus status,
      String assignee,
      Boolean overdue,
      Boolean answerOverdue,
      String cursor,
      int size,
      String caseNumber,
      String applicantName) {}

  /** A name search that holds no letter and no digit. */
  public static final class NothingToSearch extends IllegalArgumentException {
    NothingToSearch() {
      super("applicantName must hold a letter or a digit");
    }
  }

  /**
   * The caller's department's queue, oldest due date first; each case a name search lists is in its
   * applicant's access log.
   */
  public CaseQueuePage queue(Authentication caller, Filter filter) {
    List<String> nameTokens = List.of();
    if (filter.applicantName() != null) {
      nameTokens = names.tokensOf(filter.applicantName());
      if (nameTokens.isEmpty()) {
        throw new NothingToSearch();
      }
    }
    ListCases query =
        new ListCases(
            department(caller),
            filter.status(),
            filter.assignee() == null || filter.assignee().isBlank()
                ? null
                : new ClerkId(filter.assignee()),
            filter.overdue(),
            filter.answerOverdue(),
            filter.cursor(),
            filter.size(),
            filter.caseNumber() == null || filter.caseNumber().isBlank()
                ? null
                : filter.caseNumber().trim(),
            nameTokens);
    CaseQueuePage page =
        Answers.of(queries.query(query, ResponseTypes.instanceOf(CaseQueuePage.class)));
    if (!nameTokens.isEmpty()) {
      access.read(caller, page.items(), AccessKind.SEARCH_RESULT);
    }
    return page;
  }

  /** The case, if it is the caller's department's: a read in the applicant's access log. */
  public Optional<CaseView> one(String id, Authentication caller) {
    return find(new ServiceRequestId(id), department(caller))
        .map(view -> access.read(caller, view, AccessKind.CASE));
  }

  /** A clerk of the department takes the case or hands it to a colleague of the department. */
  public CaseView assign(String id, String assignee, Authentication caller) {
    DepartmentCode department = department(caller);
    ClerkId clerk = new ClerkId(assignee);
    // the case decides: another department's case is 404 before the assignee is looked at; the
    // caller sees only their own department's cases, so that is the department asked about
    DepartmentCode assigneeDepartment =
        clerks.isClerkOf(clerk, department, Actor.of(caller)) ? department : null;
    return act(
        id,
        caller,
        case_ -> new AssignCase(case_, clerk, assigneeDepartment, department, clock.instant()));
  }

  /** Passes the case to the responsible department; this clerk no longer sees it afterwards. */
  public void forward(String id, String to, String reason, Authentication caller) {
    DepartmentCode department = department(caller);
    DepartmentCode target = new DepartmentCode(to);
    ServiceRequestId case_ = new ServiceRequestId(id);
    readYourWrites.run(
        () ->
            commands.sendAndWait(
                new ForwardCase(
                    case_, target, reason, department, clock.instant(), isActive(target))),
        CaseProjection.NAME,
        RequestProjection.NAME);
  }

  /** Asks the applicant; the answer is due by the end of {@code dueDate} in the city's time. */
  public CaseView requestInformation(
      String id, String question, LocalDate dueDate, Authentication caller) {
    DepartmentCode department = department(caller);
    return act(
        id,
        caller,
        case_ ->
            new RequestInformation(
                case_,
                new InformationRequestId(UUID.randomUUID().toString()),
                question,
                dueDate.plusDays(1).atStartOfDay(CITY_TIME).toInstant(),
                department,
                clock.instant()));
  }

  /** Stops waiting for the applicant's answer (for example, it came by post). */
  public CaseView cancelInformationRequest(
      String id, String question, String reason, Authentication caller) {
    DepartmentCode department = department(caller);
    return act(
        id,
        caller,
        case_ ->
            new CancelInformationRequest(
                case_, new InformationRequestId(question), reason, department, clock.instant()));
  }

  public CaseView note(String id, String text, Authentication caller) {
    DepartmentCode department = department(caller);
    ClerkId author = new ClerkId(Actor.of(caller).id());
    return act(
        id, caller, case_ -> new AddInternalNote(case_, text, author, department, clock.instant()));
  }

  public CaseView decide(String id, Decision decision, Authentication caller) {
    DepartmentCode department = department(caller);
    return act(id, caller, case_ -> new DecideCase(case_, decision, department, clock.instant()));
  }

  /** Decides the pending objection; the case is decided again and can be closed. */
  public CaseView decideObjection(
      String id, ObjectionOutcome outcome, String reasoning, Authentication caller) {
    DepartmentCode department = department(caller);
    return act(
        id,
        caller,
        case_ -> new DecideObjection(case_, outcome, reasoning, department, clock.instant()));
  }

  /** Files a decided case away; nothing more happens on it. */
  public CaseView close(String id, Authentication caller) {
    DepartmentCode department = department(caller);
    return act(id, caller, case_ -> new CloseCase(case_, department, clock.instant()));
  }

  /** Sends the clerk's command; answers the case once the clerks' view shows it. */
  private CaseView act(
      String id, Authentication caller, Function<ServiceRequestId, Object> command) {
    DepartmentCode department = department(caller);
    ServiceRequestId case_ = new ServiceRequestId(id);
    readYourWrites.run(
        () -> commands.sendAndWait(command.apply(case_)),
        CaseProjection.NAME,
        RequestProjection.NAME);
    return find(case_, department)
        .map(view -> access.read(caller, view, AccessKind.CASE))
        .orElseThrow(NotFound::new);
  }

  /** Whether the city's departments list {@code code} as active (the case decides what follows). */
  private boolean isActive(DepartmentCode code) {
    return Answers.of(
            queries.query(
                new FindDepartment(code), ResponseTypes.optionalInstanceOf(DepartmentView.class)))
        .filter(DepartmentView::active)
        .isPresent();
  }

  private Optional<CaseView> find(ServiceRequestId id, DepartmentCode department) {
    return Answers.of(
        queries.query(
            new FindCase(id, department), ResponseTypes.optionalInstanceOf(CaseView.class)));
  }

  /** The caller's department; none (no queue, no case) is {@link NotFound}. */
  public static DepartmentCode department(Authentication caller) {
    return new DepartmentCode(Actor.of(caller).department().orElseThrow(NotFound::new));
  }
}
