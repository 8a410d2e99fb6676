package de.rathaus.api.shared;

import de.rathaus.application.shared.EventCoverage;
import de.rathaus.application.shared.LiveClaims;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;

/**
 * When the engine is ready to serve a user (docs/design.md section 3, run contract): its store
 * answers, the sample data is in (demo mode), and every read model of this instance has applied
 * what was stored when the start was over. Until then Spring Boot's readiness state is {@link
 * ReadinessState#REFUSING_TRAFFIC}, so {@code /actuator/health} and its readiness group answer 503
 * OUT_OF_SERVICE; Spring Boot turns it to ACCEPTING_TRAFFIC once every start-up runner is done, and
 * this is the last of them.
 *
 * <p>It reads the event store's head once the runners before it (the sample catalogue's seeding,
 * {@link #BEFORE_READY}) are done, then waits until each streaming processor (each read model) has
 * passed it on every segment: a segment this instance processes must have a token that has every
 * event of the head ({@link EventCoverage}: a gap given up after the processor passed it does not
 * count) and be neither failing nor replaying. A segment held by another live instance is that
 * instance's to apply; as this one cannot tell a live owner from one that died until the claim
 * expires, it counts such segments only after {@link #FOREIGN_CLAIMS_SETTLED}, longer than the
 * token store's claim timeout (10 s): by then a dead owner's claim has expired and this instance
 * takes the segment over (and then waits for it). Before that, a segment claimed by an instance
 * this one has seen alive (its beat in the store moved: {@link LiveClaims}) counts at once, as that
 * instance applies it; so an instance started beside live ones (a restart, a rolling deployment) is
 * ready within a beat or two of its read models catching up. The wait has no bound: an engine whose
 * read models cannot catch up must not say it can serve; while it waits, it logs which read models
 * are behind.
 */
public final class Readiness implements ApplicationRunner, Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

  /** The order of the start-up runners that must be done before the engine is ready. */
  public static final int BEFORE_READY = 0;

  /** How long segments claimed by others are taken as applied by a live owner only after. */
  static final Duration FOREIGN_CLAIMS_SETTLED = Duration.ofSeconds(15);

  private static final Duration LOOK_AGAIN = Duration.ofMillis(20);
  private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

  private final EventProcessingConfiguration processing;
  private final StreamableMessageSource<?> events;
  private final TokenStore tokens;
  private final LiveClaims live;
  private final EventCoverage coverage;
  private final ApplicationEventPublisher publisher;

  public Readiness(
      EventProcessingConfiguration processing,
      StreamableMessageSource<?> events,
      TokenStore tokens,
      LiveClaims live,
      EventCoverage coverage,
      ApplicationEventPublisher publisher) {
    this.processing = processing;
    this.events = events;
    this.tokens = tokens;
    this.live = live;
    this.coverage = coverage;
    this.publisher = publisher;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void run(ApplicationArguments args) throws InterruptedException {
    AvailabilityChangeEvent.publish(publisher, this, ReadinessState.REFUSING_TRAFFIC);
    TrackingToken head = events.createHeadToken();
    long started = System.nanoTime();
    long nextReport = started + REPORT_EVERY.toNanos();
    while (true) {
      boolean settled = System.nanoTime() - started > FOREIGN_CLAIMS_SETTLED.toNanos();
      List<String> behind = behind(head, settled);
      if (behind.isEmpty()) {
        LOG.info(
            "Read models caught up with the events stored at start (head {}) in {} ms",
            position(head),
            Duration.ofNanos(System.nanoTime() - started).toMillis());
        return; // Spring Boot now accepts traffic
      }
      if (System.nanoTime() > nextReport) {
        LOG.info(
            "Not ready yet: read models {} have not applied the events stored at start (head {})",
            behind,
            position(head));
        nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
      }
      Thread.sleep(LOOK_AGAIN.toMillis());
    }
  }

  /** The read models (processor names) that have not passed {@code head} yet. */
  List<String> behind(TrackingToken head, boolean foreignClaimsSettled) {
    List<String> behind = new ArrayList<>();
    for (StreamingEventProcessor processor :
        processing.eventProcessors().values().stream()
            .filter(StreamingEventProcessor.class::isInstance)
            .map(StreamingEventProcessor.class::cast)
            .toList()) {
      if (!passed(processor, head, foreignClaimsSettled)) {
        behind.add(processor.getName());
      }
    }
    return behind;
  }

  /**
   * Whether every segment of {@code processor} has passed {@code head} ({@code null}: nothing was
   * stored), here or, once claims have settled, on the instance that holds it.
   */
  boolean passed(StreamingEventProcessor processor, TrackingToken head, boolean settled) {
    if (head == null) {
      return true;
    }
    int[] segments = tokens.fetchSegments(processor.getName());
    if (segments.length == 0) {
      return false; // the processor has not set up its segments yet
    }
    Map<Integer, EventTrackerStatus> here = processor.processingStatus();
    Set<Integer> available = null;
    Set<Integer> heldByLive = null;
    for (int segment : segments) {
      EventTrackerStatus status = here.get(segment);
      if (status != null) {
        if (status.isErrorState()
            || status.isReplaying()
            || status.getTrackingToken() == null
            || !coverage.hasEverythingOf(status.getTrackingToken(), head)) {
          return false;
        }
        continue;
      }
      if (!settled) {
        if (heldByLive == null) {
          heldByLive = live.of(processor.getName());
        }
        if (heldByLive.contains(segment)) {
          continue;
        }
        return false;
      }
      if (available == null) {
        available =
            tokens.fetchAvailableSegments(processor.getName()).stream()
                .map(Segment::getSegmentId)
                .collect(Collectors.toSet());
      }
      if (available.contains(segment)) {
        return false; // free to claim: this instance will take it and apply it
      }
    }
    return true;
  }

  private static String position(TrackingToken token) {
    if (token == null) {
      return "empty";
    }
    OptionalLong position = token.position();
    return position.isPresent() ? Long.toString(position.getAsLong()) : token.toString();
  }
}
