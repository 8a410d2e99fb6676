package de.rathaus.application.catalogue;

import de.rathaus.domain.catalogue.ServiceDefinitionPublished;
import de.rathaus.domain.catalogue.ServiceDefinitionRetired;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Keeps the public catalogue: a service appears with its first publication, shows its latest
 * published version (drafts stay invisible), and disappears when it is retired.
 */
public class ServiceCatalogueProjection {

  private final ServiceViews views;

  public ServiceCatalogueProjection(ServiceViews views) {
    this.views = views;
  }

  @EventHandler
  void on(ServiceDefinitionPublished event) {
    views.save(new ServiceView(event.code().value(), event.version(), false, event.content()));
  }

  @EventHandler
  void on(ServiceDefinitionRetired event) {
    views
        .find(event.code().value())
        .ifPresent(
            view -> views.save(new ServiceView(view.code(), view.version(), true, view.content())));
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
