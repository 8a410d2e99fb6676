package de.rathaus.api.privacy;

import de.rathaus.api.shared.Actor;
import de.rathaus.application.privacy.AccessEntry;
import de.rathaus.application.privacy.AccessKind;
import de.rathaus.application.privacy.AccessRecorder;
import de.rathaus.application.servicerequest.CaseView;
import de.rathaus.application.servicerequest.CaseViews;
import de.rathaus.application.servicerequest.RequestView;
import de.rathaus.domain.shared.CitizenId;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;

/**
 * What the controllers call when they answer a citizen's personal data: one access-log entry per
 * request or case shown, with the caller as the reader. Answers once the entries are stored (or the
 * writer's bound passed); an entry that cannot be stored fails the read (503).
 */
public final class AccessRecording {

  private final AccessRecorder recorder;
  private final Clock clock;
  private final CaseViews cases;

  /**
   * @param cases where the applicant of a case whose history was read is looked up
   */
  public AccessRecording(AccessRecorder recorder, Clock clock, CaseViews cases) {
    this.recorder = recorder;
    this.clock = clock;
    this.cases = cases;
  }

  /**
   * The history of aggregates was read with personal values shown: an entry for each that is a case
   * (other aggregates' personal values, proposals' authors, are not requests or cases).
   */
  public void history(
      Authentication caller, String aggregateType, List<String> aggregateIds, AccessKind kind) {
    if (!CASE_TYPE.equals(aggregateType)) {
      return;
    }
    recorder.record(
        aggregateIds.stream()
            .distinct()
            .map(cases::find)
            .flatMap(java.util.Optional::stream)
            .map(v -> entry(caller, v.applicant(), v, kind))
            .toList());
  }

  /** The aggregate type of a case in the audit trail. */
  public static final String CASE_TYPE = "ServiceRequest";

  /** The applicant read their own request. */
  public RequestView request(Authentication caller, RequestView view) {
    recorder.record(
        entry(
            caller,
            view.applicant(),
            view.id().value(),
            view.caseNumber().value(),
            AccessKind.REQUEST));
    return view;
  }

  /** A case with its personal parts was shown to the caller. */
  public CaseView read(Authentication caller, CaseView view, AccessKind kind) {
    recorder.record(entry(caller, view.applicant(), view, kind));
    return view;
  }

  /** Cases with their personal parts were shown to the caller (a page of search results). */
  public void read(Authentication caller, List<CaseView> views, AccessKind kind) {
    recorder.record(views.stream().map(v -> entry(caller, v.applicant(), v, kind)).toList());
  }

  /** Everything held about the citizen was exported. */
  public void export(Authentication caller, CitizenId subject) {
    recorder.record(entry(caller, subject, null, null, AccessKind.EXPORT));
  }

  private AccessEntry entry(
      Authentication caller, CitizenId subject, CaseView view, AccessKind kind) {
    return entry(caller, subject, view.id().value(), view.request().caseNumber().value(), kind);
  }

  private AccessEntry entry(
      Authentication caller,
      CitizenId subject,
      String requestId,
      String caseNumber,
      AccessKind kind) {
    Actor actor = Actor.of(caller);
    return new AccessEntry(
        UUID.randomUUID().toString(),
        subject,
        requestId,
        caseNumber,
        kind,
        actor.id(),
        actor.role().name(),
        actor.department().orElse(null),
        clock.instant());
  }
}
