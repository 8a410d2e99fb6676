package de.rathaus.application.open311;

import de.rathaus.application.shared.ViewUpdates;
import de.rathaus.domain.open311.Open311KeyIssued;
import de.rathaus.domain.open311.Open311KeyRevoked;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Keeps the Open311 API keys as the key administration lists them and the key check reads them: a
 * key appears when it is issued and stays, marked revoked, when it is revoked. Its read model has a
 * name of its own, {@value #NAME}, under which it is processed and rebuilt.
 */
public class Open311KeyProjection {

  /** The read model's name: its processor, its rebuilds and its metrics go by it. */
  public static final String NAME = "open311-keys";

  private final Open311KeyViews views;

  public Open311KeyProjection(Open311KeyViews views) {
    this.views = views;
  }

  @EventHandler
  void on(Open311KeyIssued event) {
    ViewUpdates.create(views, Open311KeyView.issued(event));
  }

  @EventHandler
  void on(Open311KeyRevoked event, @SequenceNumber long sequence) {
    ViewUpdates.update(views, event.id().value(), sequence, v -> v.revoked(event.revokedAt()));
  }

  @ResetHandler
  void reset() {
    views.clear();
  }

  @QueryHandler
  public Optional<Open311KeyView> handle(FindOpen311Key query) {
    return views.find(query.id().value());
  }

  @QueryHandler
  public Open311KeyPage handle(ListOpen311Keys query) {
    return Open311KeyPage.of(views.list(query.after(), query.size()));
  }
}
