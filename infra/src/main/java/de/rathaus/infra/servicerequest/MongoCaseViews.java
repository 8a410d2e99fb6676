package de.rathaus.infra.servicerequest;

import static de.rathaus.infra.shared.VersionedJsonViews.field;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.rathaus.application.servicerequest.ApplicantNameIndex;
import de.rathaus.application.servicerequest.CaseView;
import de.rathaus.application.servicerequest.CaseViews;
import de.rathaus.application.servicerequest.ListCases;
import de.rathaus.application.servicerequest.RequestView;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.servicerequest.RequestStatus;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.ServiceRequestId;
import de.rathaus.infra.privacy.PersonalDataModule;
import de.rathaus.infra.shared.StoredViews;
import de.rathaus.infra.shared.VersionedJsonViews;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Cases as clerks see them, one document per case. The queue is queried by the plain fields under
 * {@code q}: department, status, assignee, the two overdue flags and the due date (epoch millis,
 * the queue's order), and the instants the deadline watch looks for.
 */
public class MongoCaseViews extends StoredViews<CaseView> implements CaseViews {

  static final String COLLECTION = "case_views";

  static final String DEPARTMENT = "department";
  static final String STATUS = "status";
  static final String ASSIGNEE = "assignee";
  static final String OVERDUE = "overdue";
  static final String ANSWER_OVERDUE = "answerOverdue";
  static final String DUE = "due";
  static final String CLOCK_DUE = "clockDue";
  static final String ANSWER_DUE = "answerDue";
  static final String CASE_NUMBER = "caseNumber";
  static final String APPLICANT = "applicant";
  static final String NAME_TOKENS = "nameTokens";

  /** What the queue and the deadline watch filter and sort by, on a real MongoDB. */
  static final List<IndexModel> INDEXES =
      List.of(
          new IndexModel(
              Indexes.ascending(field(DEPARTMENT), field(DUE), "_id"),
              new IndexOptions().name("queue")),
          new IndexModel(
              Indexes.ascending(field(DEPARTMENT), field(STATUS), field(DUE), "_id"),
              new IndexOptions().name("queue_by_status")),
          new IndexModel(
              Indexes.ascending(field(DEPARTMENT), field(ASSIGNEE), field(DUE), "_id"),
              new IndexOptions().name("queue_by_assignee")),
          new IndexModel(
              Indexes.ascending(field(CLOCK_DUE)), new IndexOptions().name("deadline_watch")),
          new IndexModel(
              Indexes.ascending(field(ANSWER_DUE)), new IndexOptions().name("answer_watch")));

  /** Without a name index (a search by name finds nothing). */
  public MongoCaseViews(MongoDatabase database, ObjectMapper json) {
    this(database, json, null);
  }

  /**
   * @param names the blind index of applicants' names kept under {@code q.nameTokens} (equality
   *     only), or {@code null} for none
   */
  public MongoCaseViews(MongoDatabase database, ObjectMapper json, ApplicantNameIndex names) {
    super(
        new VersionedJsonViews<>(
            database,
            COLLECTION,
            json,
            CaseView.class,
            v -> v.id().value(),
            view -> query(view, names)));
    views.ensureIndexes(INDEXES);
  }

  static Document query(CaseView view) {
    return query(view, null);
  }

  static Document query(CaseView view, ApplicantNameIndex names) {
    RequestView request = view.request();
    boolean running =
        request.status() == RequestStatus.SUBMITTED
            || request.status() == RequestStatus.IN_PROGRESS
            || request.status() == RequestStatus.OBJECTION_PENDING;
    Instant answerDue = null;
    boolean answerOverdue = false;
    if (request.status() == RequestStatus.WAITING_FOR_APPLICANT) {
      for (RequestView.Question q : request.informationRequests()) {
        if (q.state() == RequestView.QuestionState.OPEN) {
          answerOverdue = q.overdue();
          answerDue = q.overdue() ? null : q.answerDueDate();
        }
      }
    }
    return new Document(DEPARTMENT, view.department().value())
        .append(STATUS, request.status().name())
        .append(ASSIGNEE, view.assignee() == null ? null : view.assignee().value())
        .append(OVERDUE, request.overdue() && request.status().isOpen())
        .append(ANSWER_OVERDUE, answerOverdue)
        .append(DUE, request.dueDate().toEpochMilli())
        .append(CLOCK_DUE, running && !request.overdue() ? request.dueDate().toEpochMilli() : null)
        .append(ANSWER_DUE, answerDue == null ? null : answerDue.toEpochMilli())
        .append(CASE_NUMBER, request.caseNumber().value())
        .append(APPLICANT, view.applicant().value())
        .append(NAME_TOKENS, nameTokens(view, names));
  }

  /** The blind tokens of the applicant's name; none once it is erased (or if there is none). */
  private static List<String> nameTokens(CaseView view, ApplicantNameIndex names) {
    String name = view.contact() == null ? null : view.contact().name();
    if (names == null || name == null || PersonalDataModule.ERASED.equals(name)) {
      return List.of();
    }
    return names.tokensOf(name);
  }

  @Override
  public void forgetApplicantNames(CitizenId applicant) {
    views.unsetWhere(Filters.eq(field(APPLICANT), applicant.value()), NAME_TOKENS);
  }

  @Override
  public Page<CaseView> queue(ListCases query) {
    List<Bson> filters = new ArrayList<>();
    filters.add(Filters.eq(field(DEPARTMENT), query.department().value()));
    if (query.status() != null) {
      filters.add(Filters.eq(field(STATUS), query.status().name()));
    }
    if (query.assignee() != null) {
      filters.add(Filters.eq(field(ASSIGNEE), query.assignee().value()));
    }
    if (query.overdue() != null) {
      filters.add(Filters.eq(field(OVERDUE), query.overdue()));
    }
    if (query.answerOverdue() != null) {
      filters.add(Filters.eq(field(ANSWER_OVERDUE), query.answerOverdue()));
    }
    if (query.caseNumber() != null) {
      filters.add(Filters.eq(field(CASE_NUMBER), query.caseNumber()));
    }
    if (!query.nameTokens().isEmpty()) {
      filters.add(Filters.all(field(NAME_TOKENS), query.nameTokens()));
    }
    return views.page(Filters.and(filters), DUE, true, query.after(), query.size());
  }

  @Override
  public List<ServiceRequestId> idsRunningAndDueBefore(Instant now) {
    return ids(Filters.lt(field(CLOCK_DUE), now.toEpochMilli()));
  }

  @Override
  public List<ServiceRequestId> idsWaitingWithAnswerDueBefore(Instant now) {
    return ids(Filters.lt(field(ANSWER_DUE), now.toEpochMilli()));
  }

  private List<ServiceRequestId> ids(Bson filter) {
    return views.idsWhere(filter).stream().map(ServiceRequestId::new).toList();
  }
}
