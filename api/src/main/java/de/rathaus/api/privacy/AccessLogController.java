package de.rathaus.api.privacy;

import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.PageLinks;
import de.rathaus.application.privacy.AccessEntry;
import de.rathaus.application.privacy.AccessLog;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.shared.CitizenId;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who read a citizen's personal data (DSGVO Art. 15(1)(c)): the citizen sees the reads of their own
 * requests and exports, by role and department (the recipients' categories, not the staff member's
 * account: that is the staff's own data); the data-protection officer (an administrator) sees every
 * entry with the reader's account id, for a complaint or an audit.
 */
@RestController
@RequestMapping("/api/v1/privacy")
public class AccessLogController {

  private final AccessLog log;

  public AccessLogController(AccessLog log) {
    this.log = log;
  }

  /**
   * One read as the citizen sees it.
   *
   * @param kind {@code REQUEST} (you), {@code CASE} (a clerk), {@code SEARCH_RESULT}, {@code
   *     CASE_AS_OF}, {@code CASE_HISTORY}, {@code AUDIT_TRAIL}, {@code EXPORT}
   * @param requestId the request read, {@code null} for an export
   * @param readerRole the reader's role
   * @param readerDepartment the reading clerk's department, or {@code null}
   * @param byYou whether it was you
   */
  public record MyAccessResource(
      Instant at,
      String kind,
      String requestId,
      String caseNumber,
      String readerRole,
      String readerDepartment,
      boolean byYou) {

    static MyAccessResource of(AccessEntry e) {
      return new MyAccessResource(
          e.at(),
          e.kind().name(),
          e.requestId(),
          e.caseNumber(),
          e.readerRole(),
          e.readerDepartment(),
          e.bySubject());
    }
  }

  public record MyAccessPage(List<MyAccessResource> items, String next) {}

  /** One read as the data-protection officer sees it: with the reader's account id. */
  public record AccessResource(
      String id,
      Instant at,
      String subjectId,
      String kind,
      String requestId,
      String caseNumber,
      String reader,
      String readerRole,
      String readerDepartment) {

    static AccessResource of(AccessEntry e) {
      return new AccessResource(
          e.id(),
          e.at(),
          e.subject().value(),
          e.kind().name(),
          e.requestId(),
          e.caseNumber(),
          e.reader(),
          e.readerRole(),
          e.readerDepartment());
    }
  }

  public record AccessPage(List<AccessResource> items, String next) {}

  /** Who read my data, newest first. */
  @GetMapping("/me/access-log")
  public MyAccessPage mine(
      Authentication caller,
      @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size,
      @RequestParam(required = false) String cursor) {
    Page<AccessEntry> page = log.page(new CitizenId(Actor.of(caller).id()), null, cursor, size);
    return new MyAccessPage(
        page.items().stream().map(MyAccessResource::of).toList(), PageLinks.next(page.next()));
  }

  /**
   * Every read, newest first, for the data-protection officer.
   *
   * @param subject only the reads of this citizen's data
   * @param requestId only the reads of this request
   */
  @GetMapping("/access-log")
  public AccessPage all(
      @RequestParam(required = false) @Size(max = 200) String subject,
      @RequestParam(required = false) @Size(max = 200) String requestId,
      @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size,
      @RequestParam(required = false) String cursor) {
    Page<AccessEntry> page =
        log.page(
            subject == null || subject.isBlank() ? null : new CitizenId(subject),
            requestId == null || requestId.isBlank() ? null : requestId,
            cursor,
            size);
    return new AccessPage(
        page.items().stream().map(AccessResource::of).toList(), PageLinks.next(page.next()));
  }
}
