package de.rathaus.api.audit;

import de.rathaus.api.shared.ReadModelRebuilds;
import de.rathaus.api.shared.ReadModelRebuilds.Progress;
import de.rathaus.api.shared.ReadModelRebuilds.Standing;
import de.rathaus.api.shared.Refusals;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read models by name, for auditors and administrators: where each stands (its processor's
 * position and how far behind the store's head that is), and rebuilds from the whole history with
 * their progress. A rebuild builds a new generation beside the one in use, which keeps answering
 * users until the new one has caught up and is switched in (see {@link ReadModelRebuilds}).
 */
@RestController
@RequestMapping("/api/v1/audit/projections")
public class ProjectionController {

  private final ReadModelRebuilds rebuilds;

  public ProjectionController(ReadModelRebuilds rebuilds) {
    this.rebuilds = rebuilds;
  }

  /** Every read model by name (one page: they are few). */
  @GetMapping
  public ProjectionPage list() {
    return new ProjectionPage(rebuilds.list().stream().map(ProjectionEntry::of).toList(), null);
  }

  /** One read model, with the progress of its rebuild under way or of the last one here. */
  @GetMapping("/{name}")
  public ProjectionResource get(@PathVariable String name) {
    return resource(name);
  }

  /**
   * Rebuilds the read model from the whole history while the engine runs: 202 with the progress
   * (and the read model's address, where to follow it); 409 while a rebuild of it is under way.
   */
  @PostMapping("/{name}/rebuild")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Refusals(409)
  public ResponseEntity<ProjectionResource> rebuild(@PathVariable String name) {
    rebuilds.rebuild(name);
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/audit/projections/" + name))
        .body(resource(name));
  }

  private ProjectionResource resource(String name) {
    Standing standing = rebuilds.standing(name);
    return ProjectionResource.of(
        standing, rebuilds.progress(name).map(RebuildProgress::of).orElse(null));
  }

  /** The read models. */
  public record ProjectionPage(List<ProjectionEntry> items, String next) {}

  /**
   * A read model: its name, the version of its definition that built the data it answers from, the
   * generation of its collections in use, what it is doing ({@code LIVE}, {@code REBUILDING},
   * {@code SWITCHING}), its processor's position on this instance and how many positions that is
   * behind the event store's head ({@code null} when no segment is processed here).
   */
  public record ProjectionEntry(
      String name, int version, int generation, String status, Long position, Long lag) {

    static ProjectionEntry of(Standing s) {
      return new ProjectionEntry(
          s.name(), s.version(), s.generation(), s.status().name(), s.position(), s.lag());
    }
  }

  /** A read model with its rebuild ({@code null} if none ran on this instance since its start). */
  public record ProjectionResource(
      String name,
      int version,
      int generation,
      String status,
      Long position,
      Long lag,
      RebuildProgress rebuild) {

    static ProjectionResource of(Standing s, RebuildProgress rebuild) {
      return new ProjectionResource(
          s.name(), s.version(), s.generation(), s.status().name(), s.position(), s.lag(), rebuild);
    }
  }

  /**
   * A rebuild: into which generation, for which version, how it stands ({@code RUNNING}, {@code
   * SWITCHING}, {@code DONE}, {@code FAILED}, {@code STOPPED}) and why it ran ({@code REQUESTED},
   * {@code VERSION}, {@code RESUMED}); the events it applied and the estimate of all it will have
   * applied once caught up (it grows while events are stored), its rate in events per second since
   * it started here, the seconds it will take yet at that rate ({@code null} until it is known),
   * and when it started and finished.
   */
  public record RebuildProgress(
      int generation,
      int version,
      String status,
      String reason,
      long eventsDone,
      long eventsTotal,
      double eventsPerSecond,
      Long secondsLeft,
      Instant startedAt,
      Instant finishedAt) {

    static RebuildProgress of(Progress p) {
      return new RebuildProgress(
          p.generation(),
          p.version(),
          p.status().name(),
          p.reason().name(),
          p.done(),
          p.total(),
          p.rate(),
          p.remaining() == null ? null : (long) Math.ceil(p.remaining().toMillis() / 1000.0),
          p.startedAt(),
          p.finishedAt());
    }
  }
}
