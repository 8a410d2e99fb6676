package de.rathaus.infra.servicerequest;

import static de.rathaus.infra.shared.VersionedJsonViews.field;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.rathaus.application.servicerequest.CaseView;
import de.rathaus.application.servicerequest.CaseViews;
import de.rathaus.application.servicerequest.ListCases;
import de.rathaus.application.servicerequest.RequestView;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.servicerequest.RequestStatus;
import de.rathaus.domain.shared.ServiceRequestId;
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

  public MongoCaseViews(MongoDatabase database, ObjectMapper json) {
    super(
        new VersionedJsonViews<>(
            database,
            COLLECTION,
            json,
            CaseView.class,
            v -> v.id().value(),
            MongoCaseViews::query));
    views.ensureIndexes(INDEXES);
  }

  static Document query(CaseView view) {
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
        .append(ANSWER_DUE, answerDue == null ? null : answerDue.toEpochMilli());
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
