package de.rathaus.application.privacy;

import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.application.catalogue.ServiceViews;
import de.rathaus.application.servicerequest.RequestView;
import de.rathaus.application.servicerequest.RequestViews;
import de.rathaus.domain.catalogue.ServiceDefinitionContent;
import de.rathaus.domain.privacy.ErasureReason;
import de.rathaus.domain.servicerequest.RequestStatus;
import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Erases the personal data of citizens whose retention periods have all run out. A case's period
 * starts when it ended (closed or withdrawn) and lasts the retention of its service. Keys are per
 * citizen, so a citizen's data is erased when the period of their last ended case is over and none
 * of their cases is still open; until then the longest period wins.
 *
 * <p>An erasure cannot be undone, and "none of their cases is open" is read from the requests' read
 * model, which lags behind the events and is empty for a while during a rebuild. So a run does
 * nothing unless the read model has applied every event stored when the run starts (compared with
 * the event store's head, not only the processor's state), a citizen is erased only when two runs
 * in a row found them due, and right before the erasure the check is made again and the citizen's
 * requests read again: a request stored before that moment is in what is read, so it keeps the
 * data. (A restart forgets the first finding, which only delays an erasure by one run.) What is
 * left is a request stored in the milliseconds between that last look and the erasure.
 */
public class RetentionWatch {

  private final RequestViews requests;
  private final ServiceViews services;
  private final PersonalDataKeys keys;
  private final PersonalDataErasure erasure;
  private final ReadModelProgress requestsProgress;
  private Set<String> dueInTheLastRun = Set.of();

  /**
   * @param requestsProgress whether the requests' read model has applied every event stored (and is
   *     not being rebuilt)
   */
  public RetentionWatch(
      RequestViews requests,
      ServiceViews services,
      PersonalDataKeys keys,
      PersonalDataErasure erasure,
      ReadModelProgress requestsProgress) {
    this.requests = requests;
    this.services = services;
    this.keys = keys;
    this.erasure = erasure;
    this.requestsProgress = requestsProgress;
  }

  /**
   * What one run did.
   *
   * @param erased the citizens whose personal data was erased
   * @param failed the citizens whose erasure failed (tried again on the next run)
   */
  public record Run(List<CitizenId> erased, List<Failure> failed) {
    public Run {
      erased = List.copyOf(erased);
      failed = List.copyOf(failed);
    }

    static final Run NOTHING = new Run(List.of(), List.of());
  }

  /**
   * A citizen whose erasure failed, and why, by the exception's type only (a message could quote a
   * value). The id is the subject id the keys are held under, not a name.
   */
  public record Failure(CitizenId subject, Class<? extends RuntimeException> cause) {}

  /** Erases every citizen whose data is due for erasure at {@code now}. */
  public synchronized Run eraseExpired(Instant now) {
    if (!requestsProgress.hasAppliedEverythingStored()) {
      dueInTheLastRun = Set.of();
      return Run.NOTHING;
    }
    Set<String> applicants = new LinkedHashSet<>();
    for (RequestView ended : requests.listEnded()) {
      applicants.add(ended.applicant().value());
    }
    Set<String> due = new LinkedHashSet<>();
    List<CitizenId> erased = new ArrayList<>();
    List<Failure> failed = new ArrayList<>();
    for (String applicant : applicants) {
      if (!keys.exists(applicant) || !expiredFor(requests.allOf(new CitizenId(applicant)), now)) {
        continue;
      }
      if (!dueInTheLastRun.contains(applicant)) {
        due.add(applicant);
        continue;
      }
      // the last look: first everything stored until now into the read model, then read again
      if (!requestsProgress.hasAppliedEverythingStored()) {
        dueInTheLastRun = Set.of();
        return new Run(erased, failed);
      }
      if (expiredFor(requests.allOf(new CitizenId(applicant)), now)) {
        CitizenId subject = new CitizenId(applicant);
        try {
          erasure.erase(subject, ErasureReason.RETENTION_EXPIRED, null, "system");
          erased.add(subject);
        } catch (RuntimeException failure) {
          // one erasure that fails must not keep the others from being done; still due, it is
          // tried again on the next run (an erasure recorded without its key destroyed is
          // completed by ErasureCompletion)
          failed.add(new Failure(subject, failure.getClass()));
          due.add(applicant);
        }
      }
    }
    dueInTheLastRun = due;
    return new Run(erased, failed);
  }

  private boolean expiredFor(List<RequestView> all, Instant now) {
    for (RequestView request : all) {
      Optional<Instant> until = keptUntil(request);
      if (until.isEmpty() || !now.isAfter(until.get())) {
        return false;
      }
    }
    return !all.isEmpty();
  }

  /** Until when a request's personal data must be kept; empty while the case is open. */
  Optional<Instant> keptUntil(RequestView request) {
    if (request.status() != RequestStatus.CLOSED && request.status() != RequestStatus.WITHDRAWN) {
      return Optional.empty();
    }
    Instant ended =
        request.timeline().isEmpty()
            ? request.submittedAt()
            : request.timeline().get(request.timeline().size() - 1).at();
    int years =
        services
            .find(request.serviceCode().value())
            .map(ServiceView::content)
            .map(ServiceDefinitionContent::retentionYears)
            .orElse(ServiceDefinitionContent.DEFAULT_RETENTION_YEARS);
    return Optional.of(ended.atZone(ZoneOffset.UTC).plusYears(years).toInstant());
  }
}
