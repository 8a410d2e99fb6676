package de.rathaus.api.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Wakes the pooled event processors when events are stored, instead of letting them look every half
 * second.
 *
 * <p>Axon's pooled processor asks its event stream whether it can call back when events are
 * available; the embedded event store's streams cannot, so each processor polled every 500 ms, and
 * every command endpoint that waits for its read model waited for that poll (a citizen's submission
 * took half a second). Here each stream says it can: the processors are called back as soon as this
 * instance stores events (and at least every {@link #REMOTE_POLL} for what other instances store),
 * and a stream that was woken waits a moment for the store's reader to hand the new events over.
 */
public final class ProcessorWakeUp implements AutoCloseable {

  /** How often processors look for events other instances stored. */
  static final Duration REMOTE_POLL = Duration.ofMillis(500);

  /** How long a woken stream waits for the store's reader to bring the new events. */
  private static final int HANDOVER_MILLIS = 200;

  private final Set<WakingStream> streams = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService remote =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "rathaus-processor-wake-up");
            thread.setDaemon(true);
            return thread;
          });

  public ProcessorWakeUp() {
    long every = REMOTE_POLL.toMillis();
    remote.scheduleWithFixedDelay(this::wakeAll, every, every, TimeUnit.MILLISECONDS);
  }

  /** The event store as the processors' message source, with streams that can call back. */
  public StreamableMessageSource<TrackedEventMessage<?>> source(EventStore eventStore) {
    eventStore.subscribe(stored -> wakeAll());
    return new Source(eventStore);
  }

  /** Calls back every processor waiting for events. */
  void wakeAll() {
    for (WakingStream stream : streams) {
      stream.wake();
    }
  }

  @Override
  public void close() {
    remote.shutdownNow();
  }

  private final class Source implements StreamableMessageSource<TrackedEventMessage<?>> {
    private final EventStore store;

    private Source(EventStore store) {
      this.store = store;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
      WakingStream stream = new WakingStream(store.openStream(token));
      streams.add(stream);
      return stream;
    }

    @Override
    public TrackingToken createTailToken() {
      return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
      return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
      return store.createTokenAt(dateTime);
    }
  }

  private final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {
    private final BlockingStream<TrackedEventMessage<?>> delegate;
    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile Runnable callback;

    private WakingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
      this.delegate = delegate;
    }

    void wake() {
      Runnable call = callback;
      if (call != null) {
        woken.set(true);
        call.run();
      }
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
      this.callback = callback;
      return true;
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
      if (woken.getAndSet(false)) {
        long millis = Math.max(HANDOVER_MILLIS, unit.toMillis(timeout));
        return delegate.hasNextAvailable((int) millis, TimeUnit.MILLISECONDS);
      }
      return delegate.hasNextAvailable(timeout, unit);
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
      return delegate.peek();
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
      return delegate.nextAvailable();
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
      delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
    }

    @Override
    public void close() {
      streams.remove(this);
      callback = null;
      delegate.close();
    }
  }
}
