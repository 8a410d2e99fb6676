package de.rathaus.api.shared;

import de.rathaus.application.audit.ReadModelGenerations;
import de.rathaus.application.audit.ReadModelGenerations.Building;
import de.rathaus.application.audit.ReadModelGenerations.InUse;
import de.rathaus.application.audit.RebuildableReadModel;
import de.rathaus.application.shared.EventCoverage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Read models rebuilt by name from the whole history while the engine runs (docs/design.md section
 * 7). A rebuild builds a new generation of the read model's collections with a second instance of
 * its projection, on a thread of its own, while users keep being answered from the generation in
 * use and the read model's processor keeps it up to date. Once the rebuild has caught up with the
 * head, the processor is stopped for a moment, the rebuild applies whatever the processor had
 * applied beyond it, the new generation is switched in (recorded in {@link ReadModelGenerations},
 * so a restart uses it) and the processor goes on from its own token on the new collections (the
 * few events it then sees twice change nothing: every read model is idempotent). The old generation
 * is dropped. A read model is thus never empty nor half-built for its users.
 *
 * <p>The rebuild's place in the history is recorded about every second: a rebuild interrupted by a
 * stop or a crash resumes from there at the next start (what it applied after that place is applied
 * again, which changes nothing). At start, a read model whose declared version differs from the
 * version that built its generation in use is rebuilt the same way.
 */
public final class ReadModelRebuilds implements ApplicationListener<ApplicationEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(ReadModelRebuilds.class);

  private static final Duration RECORD_EVERY = Duration.ofSeconds(1);
  private static final long POLL_MILLIS = 100;

  /** How long the switch may wait for the rebuild to pass the processor's tokens. */
  private static final Duration SWITCH_BOUND = Duration.ofSeconds(30);

  /** What a read model is doing. */
  public enum Status {
    /** answered from its generation in use, kept up to date by its processor */
    LIVE,
    /** a new generation is being built while the one in use answers */
    REBUILDING,
    /** the new generation is being switched in (a moment) */
    SWITCHING
  }

  /** How a rebuild stands (or ended). */
  public enum RunStatus {
    RUNNING,
    SWITCHING,
    DONE,
    FAILED,
    /** stopped with the engine; resumes at the next start */
    STOPPED
  }

  /** Why a rebuild was started. */
  public enum Reason {
    /** an auditor or administrator asked for it */
    REQUESTED,
    /** the read model's declared version differs from the one that built its data */
    VERSION,
    /** an interrupted rebuild resumed at start */
    RESUMED
  }

  /** A read model as the list shows it. */
  public record Standing(
      String name, int version, int generation, Status status, Long position, Long lag) {}

  /** A rebuild's progress: events applied and the estimate of all, rate and time left. */
  public record Progress(
      int generation,
      int version,
      RunStatus status,
      Reason reason,
      long done,
      long total,
      double rate,
      Duration remaining,
      Instant startedAt,
      Instant finishedAt) {}

  /** No read model of that name. */
  public static final class UnknownReadModel extends RuntimeException {
    UnknownReadModel() {
      super("unknown read model", null, false, false);
    }
  }

  /** A rebuild of that read model is under way already. */
  public static final class RebuildRunning extends RuntimeException {
    RebuildRunning() {
      super("a rebuild is under way", null, false, false);
    }
  }

  private final Map<String, RebuildableReadModel> models = new TreeMap<>();
  private final ReadModelGenerations generations;
  private final EventStore events;
  private final TokenStore tokens;
  private final Supplier<Configuration> axon;
  private final EventCoverage coverage;
  private final Clock clock;
  private final Map<String, Run> runs = new ConcurrentHashMap<>();
  private volatile boolean closing;

  public ReadModelRebuilds(
      List<RebuildableReadModel> models,
      ReadModelGenerations generations,
      EventStore events,
      TokenStore tokens,
      Supplier<Configuration> axon,
      EventCoverage coverage,
      Clock clock) {
    for (RebuildableReadModel model : models) {
      if (this.models.put(model.name(), model) != null) {
        throw new IllegalStateException("Two read models are called " + model.name());
      }
    }
    this.generations = generations;
    this.events = events;
    this.tokens = tokens;
    this.axon = axon;
    this.coverage = coverage;
    this.clock = clock;
  }

  /**
   * Once the engine is ready (so a switch never delays readiness): resumes the rebuilds a stop
   * interrupted and rebuilds the read models whose version changed.
   */
  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    if (event instanceof ApplicationReadyEvent) {
      for (RebuildableReadModel model : models.values()) {
        resumeOrUpgrade(model);
      }
    } else if (event instanceof ContextClosedEvent) {
      close();
    }
  }

  private synchronized void resumeOrUpgrade(RebuildableReadModel model) {
    InUse inUse = generations.inUse(model.name(), model.version());
    Optional<Building> interrupted = generations.building(model.name());
    if (interrupted.isPresent() && interrupted.get().version() == model.version()) {
      LOG.info("Resuming the rebuild of read model {}", model.name());
      start(model, interrupted.get(), Reason.RESUMED);
      return;
    }
    if (interrupted.isPresent()) {
      generations.abandon(model.name()); // built for a version that is no longer declared
    }
    if (inUse.version() != model.version()) {
      LOG.info(
          "Rebuilding read model {}: version {} declared, its data is of version {}",
          model.name(),
          model.version(),
          inUse.version());
      startNew(model, inUse, Reason.VERSION);
    }
  }

  /** Every read model by name. */
  public List<Standing> list() {
    List<Standing> standing = new ArrayList<>();
    OptionalLong head = position(events.createHeadToken());
    for (RebuildableReadModel model : models.values()) {
      standing.add(standing(model, head));
    }
    return standing;
  }

  /** Read model {@code name}; {@link UnknownReadModel} if there is none. */
  public Standing standing(String name) {
    return standing(model(name), position(events.createHeadToken()));
  }

  /** The rebuild of {@code name} under way, or the last one this instance ran. */
  public Optional<Progress> progress(String name) {
    model(name);
    Run run = runs.get(name);
    return run == null ? Optional.empty() : Optional.of(run.progress(clock.instant()));
  }

  /**
   * Starts a rebuild of {@code name}; {@link RebuildRunning} if one is under way, {@link
   * UnknownReadModel} if there is no such read model.
   */
  public synchronized Progress rebuild(String name) {
    RebuildableReadModel model = model(name);
    Run running = runs.get(name);
    if (running != null && running.active()) {
      throw new RebuildRunning();
    }
    if (generations.building(name).isPresent()) {
      generations.abandon(name); // a rebuild stopped with the engine that did not resume here
    }
    Run run = startNew(model, generations.inUse(name, model.version()), Reason.REQUESTED);
    return run.progress(clock.instant());
  }

  private Run startNew(RebuildableReadModel model, InUse inUse, Reason reason) {
    Building building =
        new Building(inUse.generation() + 1, model.version(), clock.instant(), -1, List.of(), 0, 0);
    generations.begin(model.name(), building);
    return start(model, building, reason);
  }

  private Run start(RebuildableReadModel model, Building from, Reason reason) {
    Run run = new Run(model, from, reason);
    runs.put(model.name(), run);
    Thread thread = new Thread(run, "rebuild-" + model.name());
    thread.setDaemon(true);
    run.thread = thread;
    thread.start();
    return run;
  }

  /** Stops the rebuilds under way; each resumes at the next start from its recorded place. */
  public void close() {
    closing = true;
    for (Run run : runs.values()) {
      Thread thread = run.thread;
      if (thread != null && thread.isAlive()) {
        thread.interrupt();
        try {
          thread.join(SWITCH_BOUND.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private RebuildableReadModel model(String name) {
    RebuildableReadModel model = name == null ? null : models.get(name);
    if (model == null) {
      throw new UnknownReadModel();
    }
    return model;
  }

  private Standing standing(RebuildableReadModel model, OptionalLong head) {
    // the rebuild's state first, the generation in use after it: a switch records the new
    // generation before its rebuild is over, so "live" is never shown with the generation the
    // switch replaced (read the other way round, a switch between the two reads answered the old
    // generation as live, and ProjectionRebuildIT failed once in CI)
    Run run = runs.get(model.name());
    Status status =
        run == null || !run.active()
            ? Status.LIVE
            : run.status == RunStatus.SWITCHING ? Status.SWITCHING : Status.REBUILDING;
    InUse inUse = generations.inUse(model.name(), model.version());
    Long position = null;
    Long lag = null;
    Optional<StreamingEventProcessor> processor = processor(model.name());
    if (processor.isPresent() && !processor.get().processingStatus().isEmpty()) {
      long lowest = Long.MAX_VALUE;
      for (EventTrackerStatus segment : processor.get().processingStatus().values()) {
        lowest = Math.min(lowest, position(segment.getTrackingToken()).orElse(-1));
      }
      position = lowest;
      lag = head.isPresent() ? Math.max(0, head.getAsLong() - lowest) : 0;
    }
    return new Standing(model.name(), inUse.version(), inUse.generation(), status, position, lag);
  }

  private Optional<StreamingEventProcessor> processor(String name) {
    return axon.get()
        .eventProcessingConfiguration()
        .eventProcessor(name, StreamingEventProcessor.class);
  }

  private static OptionalLong position(TrackingToken token) {
    return token == null ? OptionalLong.empty() : token.position();
  }

  /** One rebuild, on its own thread. */
  private final class Run implements Runnable {

    private final RebuildableReadModel model;
    private final Reason reason;
    private final int generation;
    private final Instant startedAt;
    private final long doneBefore;
    private final long startedNanos = System.nanoTime();
    private volatile RunStatus status = RunStatus.RUNNING;
    private volatile long done;
    private volatile long total;
    private volatile Instant finishedAt;
    private volatile Thread thread;
    private TrackingToken token;

    Run(RebuildableReadModel model, Building from, Reason reason) {
      this.model = model;
      this.reason = reason;
      this.generation = from.generation();
      this.startedAt = from.startedAt();
      this.done = from.done();
      this.doneBefore = from.done();
      this.total = from.total();
      this.token =
          from.index() < 0 ? null : GapAwareTrackingToken.newInstance(from.index(), from.gaps());
    }

    boolean active() {
      return status == RunStatus.RUNNING || status == RunStatus.SWITCHING;
    }

    Progress progress(Instant now) {
      double seconds = (System.nanoTime() - startedNanos) / 1e9;
      double rate = seconds > 0 ? (done - doneBefore) / seconds : 0;
      Duration remaining =
          !active()
              ? Duration.ZERO
              : rate > 0 ? Duration.ofMillis((long) ((total - done) / rate * 1000)) : null;
      return new Progress(
          generation,
          model.version(),
          status,
          reason,
          done,
          Math.max(done, total),
          Math.round(rate * 10) / 10.0,
          remaining,
          startedAt,
          finishedAt);
    }

    @Override
    public void run() {
      Object projection = model.projectionIn().apply(generation);
      Configuration configuration = axon.get();
      AnnotationEventHandlerAdapter handler =
          new AnnotationEventHandlerAdapter(
              projection,
              configuration.parameterResolverFactory(),
              configuration.handlerDefinition(projection.getClass()));
      try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(token)) {
        long lastRecord = System.nanoTime();
        while (!closing && !Thread.currentThread().isInterrupted()) {
          if (stream.hasNextAvailable((int) POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            apply(stream.nextAvailable(), handler);
            if (System.nanoTime() - lastRecord > RECORD_EVERY.toNanos()) {
              estimate();
              generations.record(model.name(), building());
              lastRecord = System.nanoTime();
            }
          } else if (switchIn(stream, handler)) {
            status = RunStatus.DONE;
            finishedAt = clock.instant();
            LOG.info("Read model {} rebuilt from {} events", model.name(), done);
            return;
          }
        }
        generations.record(model.name(), building());
        status = RunStatus.STOPPED;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        generations.record(model.name(), building());
        status = RunStatus.STOPPED;
      } catch (Exception e) {
        if (closing) {
          status = RunStatus.STOPPED;
          return;
        }
        LOG.error("The rebuild of read model {} failed; it keeps its data", model.name(), e);
        status = RunStatus.FAILED;
        finishedAt = clock.instant();
        generations.abandon(model.name());
      }
    }

    private void apply(TrackedEventMessage<?> event, AnnotationEventHandlerAdapter handler)
        throws Exception {
      if (handler.canHandle(event)) {
        DefaultUnitOfWork.startAndGet(event)
            .executeWithResult(
                () -> {
                  handler.handle(event);
                  return null;
                });
      }
      token = event.trackingToken();
      done++;
    }

    private void estimate() {
      OptionalLong head = position(events.createHeadToken());
      OptionalLong here = position(token);
      if (head.isPresent()) {
        total = done + Math.max(0, head.getAsLong() - here.orElse(-1));
      }
    }

    private Building building() {
      GapAwareTrackingToken at = (GapAwareTrackingToken) WrappedToken.unwrapLowerBound(token);
      return new Building(
          generation,
          model.version(),
          startedAt,
          at == null ? -1 : at.getIndex(),
          at == null ? List.of() : new ArrayList<>(at.getGaps()),
          done,
          Math.max(done, total));
    }

    /**
     * Caught up: stops the processor, applies what it had applied beyond this rebuild, switches the
     * new generation in and starts the processor again; answers whether it switched (if the rebuild
     * could not pass the processor within the bound, it goes on and tries again).
     */
    private boolean switchIn(
        BlockingStream<TrackedEventMessage<?>> stream, AnnotationEventHandlerAdapter handler)
        throws Exception {
      Optional<StreamingEventProcessor> processor = processor(model.name());
      status = RunStatus.SWITCHING;
      boolean switched = false;
      try {
        if (processor.isPresent()) {
          processor.get().shutdownAsync().get(SWITCH_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        }
        List<TrackingToken> applied = processorTokens();
        long deadline = System.nanoTime() + SWITCH_BOUND.toNanos();
        // covering the processor is enough: it goes on from its own tokens, and what the rebuild
        // applied beyond them it applies again, which changes nothing (a steady stream of new
        // events kept the processor stopped for the whole bound before)
        while (!covers(applied)) {
          if (System.nanoTime() > deadline || closing) {
            LOG.warn("Read model {}: the rebuild could not pass its processor", model.name());
            return false;
          }
          if (stream.hasNextAvailable((int) POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            apply(stream.nextAvailable(), handler);
          }
        }
        done = Math.max(done, 0);
        total = done;
        generations.switchIn(model.name(), building());
        switched = true;
        return true;
      } finally {
        if (!switched) {
          status = RunStatus.RUNNING;
        }
        if (processor.isPresent()) {
          processor.get().start();
        }
      }
    }

    /** The tokens of the processor's segments (it is stopped: nobody holds them here). */
    private List<TrackingToken> processorTokens() {
      List<TrackingToken> found = new ArrayList<>();
      for (int segment : tokens.fetchSegments(model.name())) {
        found.add(tokens.fetchToken(model.name(), segment));
        tokens.releaseClaim(model.name(), segment);
      }
      return found;
    }

    private boolean covers(List<TrackingToken> applied) {
      TrackingToken here = WrappedToken.unwrapLowerBound(token);
      for (TrackingToken other : applied) {
        TrackingToken there = WrappedToken.unwrapLowerBound(other);
        if (!coverage.hasEverythingOf(here, there)) {
          return false;
        }
      }
      return true;
    }
  }
}
