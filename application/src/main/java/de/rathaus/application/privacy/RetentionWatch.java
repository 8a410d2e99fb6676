package de.rathaus.application.privacy;

import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.application.catalogue.ServiceViews;
import de.rathaus.application.servicerequest.RequestView;
import de.rathaus.application.servicerequest.RequestViews;
import de.rathaus.domain.catalogue.ServiceDefinitionContent;
import de.rathaus.domain.privacy.ErasureGround;
import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Erases the personal data of citizens whose retention periods have all run out. A case's period
 * starts when it ended (closed or withdrawn) and lasts the retention of its service. Keys are per
 * citizen, so a citizen's data is erased when the period of their last ended case is over and none
 * of their cases is still open; until then the longest period wins. Like the deadline watch it
 * keeps nothing in memory: each run reads the stored requests.
 */
public class RetentionWatch {

  static final String REASON = "Aufbewahrungsfrist abgelaufen / retention period expired";

  private final RequestViews requests;
  private final ServiceViews services;
  private final PersonalDataKeys keys;
  private final PersonalDataErasure erasure;

  public RetentionWatch(
      RequestViews requests,
      ServiceViews services,
      PersonalDataKeys keys,
      PersonalDataErasure erasure) {
    this.requests = requests;
    this.services = services;
    this.keys = keys;
    this.erasure = erasure;
  }

  /** Erases every citizen whose data is due for erasure at {@code now}; answers how many. */
  public int eraseExpired(Instant now) {
    Set<String> applicants = new LinkedHashSet<>();
    for (RequestView ended : requests.listEnded()) {
      applicants.add(ended.applicant());
    }
    int erased = 0;
    for (String applicant : applicants) {
      if (keys.exists(applicant) && expiredFor(requests.listByApplicant(applicant), now)) {
        erasure.erase(new CitizenId(applicant), ErasureGround.RETENTION, REASON, "system");
        erased++;
      }
    }
    return erased;
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
    if (!request.status().equals("CLOSED") && !request.status().equals("WITHDRAWN")) {
      return Optional.empty();
    }
    Instant ended =
        request.timeline().isEmpty()
            ? request.submittedAt()
            : request.timeline().get(request.timeline().size() - 1).at();
    int years =
        services
            .find(request.serviceCode())
            .map(ServiceView::content)
            .map(ServiceDefinitionContent::retentionYears)
            .orElse(ServiceDefinitionContent.DEFAULT_RETENTION_YEARS);
    return Optional.of(ended.atZone(ZoneOffset.UTC).plusYears(years).toInstant());
  }
}
