package de.rathaus.infra.servicerequest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.rathaus.application.servicerequest.CaseView;
import de.rathaus.application.servicerequest.CaseViews;
import de.rathaus.infra.shared.JsonViews;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** Cases as clerks see them, one document per case; the queue filters by department. */
public class MongoCaseViews implements CaseViews {

  static final String COLLECTION = "case_views";

  private final JsonViews<CaseView> views;

  public MongoCaseViews(MongoDatabase database, ObjectMapper json) {
    this.views = new JsonViews<>(database, COLLECTION, json, CaseView.class);
  }

  @Override
  public void save(CaseView view) {
    views.save(view.id(), view);
  }

  @Override
  public Optional<CaseView> find(String id) {
    return views.find(id);
  }

  @Override
  public List<CaseView> listByDepartment(String department) {
    return views.where(Filters.eq("department", department)).stream()
        .sorted(Comparator.comparing(CaseView::dueDate))
        .toList();
  }

  @Override
  public List<String> idsRunningAndDueBefore(Instant now) {
    List<String> due = new ArrayList<>();
    for (Document running :
        views.fieldsWhere(
            Filters.and(
                Filters.in("status", "SUBMITTED", "IN_PROGRESS"), Filters.eq("overdue", false)),
            "dueDate")) {
      // compared here: ISO-8601 texts do not always sort in the order of their instants
      if (now.isAfter(instant(running.get("dueDate")))) {
        due.add(running.getString("_id"));
      }
    }
    return due;
  }

  /** A due date as the mapper stored it: ISO-8601 text, or seconds since the epoch. */
  private static Instant instant(Object stored) {
    if (stored instanceof Number seconds) {
      return Instant.ofEpochMilli(Math.round(seconds.doubleValue() * 1000));
    }
    return Instant.parse(String.valueOf(stored));
  }

  @Override
  public void clear() {
    views.clear();
  }
}
