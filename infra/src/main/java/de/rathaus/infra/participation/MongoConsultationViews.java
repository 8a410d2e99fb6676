package de.rathaus.infra.participation;

import static de.rathaus.infra.shared.VersionedJsonViews.field;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.rathaus.application.participation.ConsultationView;
import de.rathaus.application.participation.ConsultationViews;
import de.rathaus.application.participation.ListConsultations;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ConsultationPhase;
import de.rathaus.domain.participation.SustainabilityGoal;
import de.rathaus.infra.shared.StoredViews;
import de.rathaus.infra.shared.VersionedJsonViews;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The consultations in MongoDB, one document per consultation. The list is queried by the plain
 * fields under {@code q}: action field, phase, goal numbers (an array), format, and the opening
 * date (epoch millis, the list's order); the phase watch by the date of the next move.
 */
public class MongoConsultationViews extends StoredViews<ConsultationView>
    implements ConsultationViews {

  static final String COLLECTION = "consultation_views";

  static final String ACTION_FIELD = "actionField";
  static final String PHASE = "phase";
  static final String GOALS = "goals";
  static final String FORMAT = "format";
  static final String OPENS = "opens";
  static final String DUE = "due";

  /** What the list and the phase watch filter and sort by, on a real MongoDB. */
  static final List<IndexModel> INDEXES =
      List.of(
          new IndexModel(Indexes.descending(field(OPENS), "_id"), new IndexOptions().name("list")),
          new IndexModel(
              Indexes.compoundIndex(
                  Indexes.ascending(field(PHASE)), Indexes.descending(field(OPENS), "_id")),
              new IndexOptions().name("by_phase")),
          new IndexModel(
              Indexes.compoundIndex(
                  Indexes.ascending(field(ACTION_FIELD)), Indexes.descending(field(OPENS), "_id")),
              new IndexOptions().name("by_action_field")),
          new IndexModel(
              Indexes.compoundIndex(
                  Indexes.ascending(field(GOALS)), Indexes.descending(field(OPENS), "_id")),
              new IndexOptions().name("by_goal")),
          new IndexModel(Indexes.ascending(field(DUE)), new IndexOptions().name("phase_watch")));

  public MongoConsultationViews(MongoDatabase database, ObjectMapper json) {
    super(
        new VersionedJsonViews<>(
            database,
            COLLECTION,
            json,
            ConsultationView.class,
            v -> v.id().value(),
            MongoConsultationViews::query));
    views.ensureIndexes(INDEXES);
  }

  static Document query(ConsultationView view) {
    Instant due = view.nextMoveAt();
    return new Document(ACTION_FIELD, view.content().actionField().value())
        .append(PHASE, view.phase().name())
        .append(
            GOALS,
            view.content().sustainabilityGoals().stream().map(SustainabilityGoal::number).toList())
        .append(FORMAT, view.content().format().name())
        .append(OPENS, view.content().opensAt().toEpochMilli())
        .append(DUE, due == null ? null : due.toEpochMilli());
  }

  @Override
  public Page<ConsultationView> list(ListConsultations query) {
    List<Bson> filters = new ArrayList<>();
    if (query.phase() != null) {
      filters.add(Filters.eq(field(PHASE), query.phase().name()));
    }
    if (!query.withDrafts()) {
      filters.add(Filters.ne(field(PHASE), ConsultationPhase.DRAFT.name()));
    }
    if (query.actionField() != null) {
      filters.add(Filters.eq(field(ACTION_FIELD), query.actionField().value()));
    }
    if (query.goal() != null) {
      filters.add(Filters.eq(field(GOALS), query.goal().number()));
    }
    if (query.format() != null) {
      filters.add(Filters.eq(field(FORMAT), query.format().name()));
    }
    Bson filter = filters.isEmpty() ? Filters.empty() : Filters.and(filters);
    return views.page(filter, OPENS, false, query.after(), query.size());
  }

  @Override
  public List<ConsultationId> idsDueBy(Instant now) {
    return views.idsWhere(Filters.lte(field(DUE), now.toEpochMilli())).stream()
        .map(ConsultationId::new)
        .toList();
  }
}
