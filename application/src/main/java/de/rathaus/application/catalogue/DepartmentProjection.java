package de.rathaus.application.catalogue;

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
 * name of its own, {@value #PROCESSING_GROUP}, under which it is processed and rebuilt.
 */
public class DepartmentProjection {

  /** The stable name of this read model (its event processor's name). */
  public static final String PROCESSING_GROUP = "departments";

  private final DepartmentViews views;

  public DepartmentProjection(DepartmentViews views) {
    this.views = views;
  }

  @EventHandler
  void on(DepartmentCreated event, @SequenceNumber long sequence) {
    if (views.find(event.code()).isEmpty()) {
      views.save(DepartmentView.created(event, sequence));
    }
  }

  @EventHandler
  void on(DepartmentRenamed event, @SequenceNumber long sequence) {
    update(event.code(), sequence, view -> view.renamed(event.name(), sequence));
  }

  @EventHandler
  void on(DepartmentContactChanged event, @SequenceNumber long sequence) {
    update(event.code(), sequence, view -> view.reachableAt(event.contact(), sequence));
  }

  @EventHandler
  void on(DepartmentRetired event, @SequenceNumber long sequence) {
    update(event.code(), sequence, view -> view.retired(sequence));
  }

  private void update(DepartmentCode code, long sequence, UnaryOperator<DepartmentView> change) {
    views
        .find(code)
        .filter(view -> !view.applied(sequence))
        .ifPresent(view -> views.save(change.apply(view)));
  }

  @ResetHandler
  void reset() {
    views.clear();
  }

  @QueryHandler
  public Optional<DepartmentView> handle(FindDepartment query) {
    return views.find(query.code());
  }

  @QueryHandler
  public List<DepartmentView> handle(ListDepartments query) {
    return views.list().stream().filter(view -> query.includeRetired() || view.active()).toList();
  }
}
