package de.rathaus.api.shared;

import de.rathaus.application.shared.AppliedSequences;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * How far each read model of this instance has come, per aggregate: the sequence number of the
 * newest event of each aggregate its processor has handled and committed. The processors report it
 * (a handler interceptor on each read model's processor) and wake whoever waits for it, so a
 * command endpoint waits exactly as long as its read model takes, without polling.
 *
 * <p>Kept in memory for the most recently touched aggregates only: it serves the answers of the
 * commands this instance takes, seconds after their events were stored.
 *
 * <p>With several instances, an aggregate's events may be processed by another instance, and
 * nothing is reported here. For that, a read model whose records each follow one aggregate tells
 * where its stored records show how far they have come ({@link #storedIn}); read-your-writes looks
 * there too.
 */
public final class ReadModelProgress {

  private static final int REMEMBERED_AGGREGATES = 50_000;

  private final Map<String, Map<String, Long>> handled = new HashMap<>();

  private final Map<String, Stored> stored = new ConcurrentHashMap<>();

  /** Where a read model's records show their sequence: for the aggregates of one type only. */
  record Stored(String aggregateType, AppliedSequences sequences) {}

  /** The interceptor that reports the progress of read model {@code name}. */
  public MessageHandlerInterceptor<EventMessage<?>> reporter(String name) {
    return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
      Object result = chain.proceed();
      if (unitOfWork.getMessage() instanceof DomainEventMessage<?> event
          && event.getAggregateIdentifier() != null) {
        String aggregate = event.getAggregateIdentifier();
        long sequence = event.getSequenceNumber();
        unitOfWork.afterCommit(u -> handled(name, aggregate, sequence));
      }
      return result;
    };
  }

  /**
   * Lets read-your-writes look also at what read model {@code readModel} has stored: {@code
   * sequences} answers, per aggregate of type {@code aggregateType} (the aggregate class's simple
   * name, as events carry it), the sequence of the last event its record shows. Only for a read
   * model whose records each carry the sequence of exactly that aggregate's stream.
   */
  public void storedIn(String readModel, String aggregateType, AppliedSequences sequences) {
    stored.put(readModel, new Stored(aggregateType, sequences));
  }

  /**
   * Where read model {@code readModel} shows the sequences of aggregates of {@code type}, if so.
   */
  Optional<AppliedSequences> storedSequences(String readModel, String type) {
    Stored where = stored.get(readModel);
    return where != null && where.aggregateType().equals(type)
        ? Optional.of(where.sequences())
        : Optional.empty();
  }

  synchronized void handled(String readModel, String aggregate, long sequence) {
    handled
        .computeIfAbsent(readModel, name -> recentlyTouched())
        .merge(aggregate, sequence, Math::max);
    notifyAll();
  }

  /**
   * Waits until read model {@code readModel} has handled the event {@code sequence} of {@code
   * aggregate}, at most {@code timeoutNanos}; answers whether it has.
   */
  public synchronized boolean await(
      String readModel, String aggregate, long sequence, long timeoutNanos) {
    long deadline = System.nanoTime() + timeoutNanos;
    while (!reached(readModel, aggregate, sequence)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      try {
        wait(Math.max(1, left / 1_000_000), (int) (left % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /**
   * Waits until {@code done} holds, at most {@code timeoutNanos}, looking again each time a read
   * model reports progress (and at least every {@code lookAgainNanos}, for what it cannot report: a
   * processor's stored token moves on just after its events are handled); answers whether it held.
   */
  public synchronized boolean await(BooleanSupplier done, long timeoutNanos, long lookAgainNanos) {
    long deadline = System.nanoTime() + timeoutNanos;
    while (!done.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      long wait = Math.min(left, lookAgainNanos);
      try {
        wait(Math.max(1, wait / 1_000_000), (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private boolean reached(String readModel, String aggregate, long sequence) {
    Map<String, Long> model = handled.get(readModel);
    Long reached = model == null ? null : model.get(aggregate);
    return reached != null && reached >= sequence;
  }

  private static Map<String, Long> recentlyTouched() {
    return new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
        return size() > REMEMBERED_AGGREGATES;
      }
    };
  }
}
