package de.rathaus.application.catalogue;

import de.rathaus.application.shared.ViewUpdates;
import de.rathaus.domain.catalogue.ServiceDefinitionPublished;
import de.rathaus.domain.catalogue.ServiceDefinitionRetired;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Keeps the public catalogue: a service appears with its first publication, shows its latest
 * published version (drafts stay invisible), and disappears when it is retired.
 */
public class ServiceCatalogueProjection {

  /** The read model's name: its processor, its rebuilds and its metrics go by it. */
  public static final String NAME = "service-catalogue";

  private final ServiceViews views;

  public ServiceCatalogueProjection(ServiceViews views) {
    this.views = views;
  }

  @EventHandler
  void on(ServiceDefinitionPublished event, @SequenceNumber long sequence) {
    String code = event.code().value();
    ViewUpdates.apply(
        views,
        code,
        sequence,
        before -> ServiceView.published(code, event.version(), event.content()));
  }

  @EventHandler
  void on(ServiceDefinitionRetired event, @SequenceNumber long sequence) {
    ViewUpdates.update(views, event.code().value(), sequence, ServiceView::takenOff);
  }

  @ResetHandler
  void reset() {
    views.clear();
  }

  @QueryHandler
  public Optional<ServiceView> handle(FindPublishedService query) {
    return views.find(query.code()).filter(view -> !view.retired());
  }

  @QueryHandler
  public List<ServiceView> handle(ListPublishedServices query) {
    return views.listPublished();
  }
}
