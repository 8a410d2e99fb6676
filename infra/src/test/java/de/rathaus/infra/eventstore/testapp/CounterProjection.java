package de.rathaus.infra.eventstore.testapp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;

/** A read model of counter totals that also records what it handled, and whether as replay. */
@ProcessingGroup(CounterProjection.GROUP)
public class CounterProjection {

  public static final String GROUP = "counters";

  public final Map<String, Integer> totals = new ConcurrentHashMap<>();

  /** Per counter, the totals in the order their events were handled (with global positions). */
  public final Map<String, List<String>> order = new ConcurrentHashMap<>();

  public final List<String> handledEventIds = new CopyOnWriteArrayList<>();
  public final AtomicLong replayed = new AtomicLong();
  public final AtomicLong handledLive = new AtomicLong();

  /** How many increments still fail before they are applied (a database that is away a moment). */
  public final java.util.concurrent.atomic.AtomicInteger failingIncrements =
      new java.util.concurrent.atomic.AtomicInteger();

  @EventHandler
  void on(CounterApi.CounterOpened event, EventMessage<?> message, ReplayStatus status) {
    totals.put(event.id(), 0);
    record(message, status);
  }

  @EventHandler
  void on(CounterApi.Incremented event, EventMessage<?> message, ReplayStatus status) {
    if (failingIncrements.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("the read model's database did not answer");
    }
    totals.put(event.id(), event.total());
    order
        .computeIfAbsent(event.id(), id -> new CopyOnWriteArrayList<>())
        .add(
            event.total()
                + "@"
                + ((org.axonframework.eventhandling.TrackedEventMessage<?>) message)
                    .trackingToken()
                    .position()
                    .orElse(-1));
    record(message, status);
  }

  private void record(EventMessage<?> message, ReplayStatus status) {
    handledEventIds.add(message.getIdentifier());
    if (status.isReplay()) {
      replayed.incrementAndGet();
    } else {
      handledLive.incrementAndGet();
    }
  }

  @ResetHandler
  void reset() {
    totals.clear();
  }
}
