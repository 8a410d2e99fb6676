package de.rathaus.application.participation;

import de.rathaus.application.shared.ViewUpdates;
import de.rathaus.domain.participation.ActionFieldCode;
import de.rathaus.domain.participation.ActionFieldCreated;
import de.rathaus.domain.participation.ActionFieldDescriptionChanged;
import de.rathaus.domain.participation.ActionFieldRenamed;
import de.rathaus.domain.participation.ActionFieldRetired;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Keeps the action fields as everyone reads them: a field appears when it is created, shows its
 * current name and description, and stays (marked inactive) when it is retired. Its read model has
 * a name of its own, {@value #NAME}, under which it is processed and rebuilt.
 */
public class ActionFieldProjection {

  /** The read model's name: its processor, its rebuilds and its metrics go by it. */
  public static final String NAME = "action-fields";

  private final ActionFieldViews views;

  public ActionFieldProjection(ActionFieldViews views) {
    this.views = views;
  }

  @EventHandler
  void on(ActionFieldCreated event, @SequenceNumber long sequence) {
    ViewUpdates.apply(
        views, event.code().value(), sequence, before -> ActionFieldView.created(event));
  }

  @EventHandler
  void on(ActionFieldRenamed event, @SequenceNumber long sequence) {
    update(event.code(), sequence, view -> view.renamed(event.name()));
  }

  @EventHandler
  void on(ActionFieldDescriptionChanged event, @SequenceNumber long sequence) {
    update(event.code(), sequence, view -> view.described(event.description()));
  }

  @EventHandler
  void on(ActionFieldRetired event, @SequenceNumber long sequence) {
    update(event.code(), sequence, ActionFieldView::retired);
  }

  private void update(ActionFieldCode code, long sequence, UnaryOperator<ActionFieldView> change) {
    ViewUpdates.update(views, code.value(), sequence, change);
  }

  @ResetHandler
  void reset() {
    views.clear();
  }

  @QueryHandler
  public Optional<ActionFieldView> handle(FindActionField query) {
    return views.find(query.code().value());
  }

  @QueryHandler
  public List<ActionFieldView> handle(ListActionFields query) {
    return views.list().stream().filter(view -> query.includeRetired() || view.active()).toList();
  }
}
