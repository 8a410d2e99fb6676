package de.rathaus.infra.eventstore.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

/** A second processor that sees every event, to check delivery per processor. */
@ProcessingGroup(EventLog.GROUP)
public class EventLog {

  public static final String GROUP = "event-log";

  public final List<String> handledEventIds = new CopyOnWriteArrayList<>();

  @EventHandler
  void on(Object payload, EventMessage<?> message) {
    handledEventIds.add(message.getIdentifier());
  }
}
