package de.rathaus.application.catalogue;

import de.rathaus.application.shared.ViewUpdates;
import de.rathaus.domain.catalogue.DepartmentContactChanged;
import de.rathaus.domain.catalogue.DepartmentCreated;
import de.rathaus.domain.catalogue.DepartmentRenamed;
import de.rathaus.domain.catalogue.DepartmentRetired;
import de.rathaus.domain.shared.DepartmentCode;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Keeps the departments as everyone reads them: a department appears when it is created, shows its
 * current name and contact, and stays (marked inactive) when it is retired. Its read model has a
 * name of its own, {@value #NAME}, under which it is processed and rebuilt.
 */
public class DepartmentProjection {

  /** The read model's name: its processor, its rebuilds and its metrics go by it. */
  public static final String NAME = "departments";

  private final DepartmentViews views;

  public DepartmentProjection(DepartmentViews views) {
    this.views = views;
  }

  @EventHandler
  void on(DepartmentCreated event, @SequenceNumber long sequence) {
    ViewUpdates.apply(
        views, event.code().value(), sequence, before -> DepartmentView.created(event));
  }

  @EventHandler
  void on(DepartmentRenamed event, @SequenceNumber long sequence) {
    update(event.code(), sequence, view -> view.renamed(event.name()));
  }

  @EventHandler
  void on(DepartmentContactChanged event, @SequenceNumber long sequence) {
    update(event.code(), sequence, view -> view.reachableAt(event.contact()));
  }

  @EventHandler
  void on(DepartmentRetired event, @SequenceNumber long sequence) {
    update(event.code(), sequence, DepartmentView::retired);
  }

  private void update(DepartmentCode code, long sequence, UnaryOperator<DepartmentView> change) {
    ViewUpdates.update(views, code.value(), sequence, change);
  }

  @ResetHandler
  void reset() {
    views.clear();
  }

  @QueryHandler
  public Optional<DepartmentView> handle(FindDepartment query) {
    return views.find(query.code().value());
  }

  @QueryHandler
  public List<DepartmentView> handle(ListDepartments query) {
    return views.list().stream().filter(view -> query.includeRetired() || view.active()).toList();
  }
}
