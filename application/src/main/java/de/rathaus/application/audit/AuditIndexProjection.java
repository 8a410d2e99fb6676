package de.rathaus.application.audit;

import de.rathaus.domain.participation.ItemRated;
import de.rathaus.domain.participation.ProposalSupportWithdrawn;
import de.rathaus.domain.participation.ProposalSupported;
import de.rathaus.domain.participation.RatingChanged;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Keeps the audit index: every event is entered under each of its keys (aggregate type, event type,
 * actor, department, correlation id, and for a support or rating the proposal it is about), so that
 * the trail filtered by one of them reads only the matching events.
 */
public class AuditIndexProjection {

  /** The read model's name: its processor, its rebuilds and its metrics go by it. */
  public static final String NAME = "audit-index";

  private final AuditIndex index;

  public AuditIndexProjection(AuditIndex index) {
    this.index = index;
  }

  @EventHandler
  void on(Object payload, EventMessage<?> event, TrackingToken token) {
    long position =
        token
            .position()
            .orElseThrow(() -> new IllegalStateException("An event without a position"));
    String aggregateType = event instanceof DomainEventMessage<?> domain ? domain.getType() : null;
    index.record(
        position,
        event.getTimestamp(),
        AuditKeys.of(
            aggregateType,
            event.getPayloadType().getSimpleName(),
            text(event, "actorId"),
            text(event, "department"),
            text(event, "correlationId"),
            about(payload)));
  }

  @ResetHandler
  void reset() {
    index.clear();
  }

  /** The proposal a support or rating event is about; other events are about none. */
  static String about(Object payload) {
    if (payload instanceof ProposalSupported e) {
      return e.proposal().value();
    }
    if (payload instanceof ProposalSupportWithdrawn e) {
      return e.proposal().value();
    }
    if (payload instanceof ItemRated e) {
      return e.item().value();
    }
    if (payload instanceof RatingChanged e) {
      return e.item().value();
    }
    return null;
  }

  private static String text(EventMessage<?> event, String key) {
    Object value = event.getMetaData().get(key);
    return value == null ? null : value.toString();
  }
}
