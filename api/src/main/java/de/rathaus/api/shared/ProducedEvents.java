package de.rathaus.api.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Notes which events a command produced, so that its endpoint can wait until the read models it
 * answers from have applied them. Registered as a dispatch interceptor on the event bus: commands
 * run on the thread that sends them (Axon's local command bus), and so does the publishing of the
 * events they apply.
 */
public final class ProducedEvents implements MessageDispatchInterceptor<EventMessage<?>> {

  private final ThreadLocal<List<DomainEventMessage<?>>> collecting = new ThreadLocal<>();

  /** What a piece of work answered, and the events it produced on the way. */
  public record Captured<T>(T result, List<DomainEventMessage<?>> events) {}

  /** Runs {@code work} and notes the events it produces (also within nested captures). */
  public <T> Captured<T> during(Supplier<T> work) {
    List<DomainEventMessage<?>> outer = collecting.get();
    List<DomainEventMessage<?>> events = new ArrayList<>();
    collecting.set(events);
    try {
      T result = work.get();
      return new Captured<>(result, List.copyOf(events));
    } finally {
      if (outer == null) {
        collecting.remove();
      } else {
        outer.addAll(events);
        collecting.set(outer);
      }
    }
  }

  @Override
  public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
      List<? extends EventMessage<?>> messages) {
    List<DomainEventMessage<?>> events = collecting.get();
    if (events != null) {
      for (EventMessage<?> message : messages) {
        if (message instanceof DomainEventMessage<?> domain) {
          events.add(domain);
        }
      }
    }
    return (index, message) -> message;
  }
}
