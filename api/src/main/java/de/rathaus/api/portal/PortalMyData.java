package de.rathaus.api.portal;

import de.rathaus.api.privacy.AccessRecording;
import de.rathaus.api.shared.Actor;
import de.rathaus.application.privacy.AccessEntry;
import de.rathaus.application.privacy.AccessLog;
import de.rathaus.application.privacy.PersonalDataExport;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.shared.CitizenId;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A citizen's own data (DSGVO Art. 15, 20) on a page of the CITIZEN role: everything held about
 * them as a file, the same document as {@code GET /api/v1/privacy/me} and recorded in the access
 * log as that read is; who read their data, newest first, as {@code GET
 * /api/v1/privacy/me/access-log}; and how to have it erased (Art. 17), which an administrator does
 * on a request to the city's data-protection officer (crypto-shredding; the history keeps only
 * placeholders).
 */
@Controller
@Hidden
@RequestMapping(PortalMyData.ROOT)
public class PortalMyData {

  static final String ROOT = PortalController.ROOT + "/meine-daten";

  /** Entries of the access log on one page. */
  static final int PAGE_SIZE = 25;

  private final PortalTexts texts;
  private final PersonalDataExport export;
  private final AccessRecording access;
  private final AccessLog log;

  public PortalMyData(
      PortalTexts texts, PersonalDataExport export, AccessRecording access, AccessLog log) {
    this.texts = texts;
    this.export = export;
    this.access = access;
    this.log = log;
  }

  @ModelAttribute
  void layout(HttpServletRequest request, Model model) {
    PortalPage.layout(request, model, texts, "data");
  }

  /** A read of the citizen's data, in words. */
  record Read(
      String at,
      String kind,
      String caseNumber,
      String requestId,
      String reader,
      String department) {}

  @GetMapping
  ModelAndView page(
      @RequestParam(name = "weiter", required = false) String cursor, Authentication caller) {
    CitizenId subject = new CitizenId(Actor.of(caller).id());
    if (cursor != null && (cursor.isBlank() || cursor.length() > 200)) {
      return badCursor();
    }
    Page<AccessEntry> reads;
    try {
      reads = log.page(subject, null, cursor, PAGE_SIZE);
    } catch (Page.InvalidPageRequest notOurs) {
      return badCursor();
    }
    String language = PortalPage.language();
    List<Read> rows =
        reads.items().stream()
            .map(
                e ->
                    new Read(
                        PortalRequests.when(e.at(), language),
                        e.kind().name(),
                        e.caseNumber(),
                        e.requestId(),
                        e.bySubject() ? "YOU" : e.readerRole() == null ? "UNKNOWN" : e.readerRole(),
                        e.readerDepartment()))
            .toList();
    ModelAndView page = new ModelAndView("portal/citizen/my-data");
    page.addObject("reads", rows);
    page.addObject("next", reads.next());
    page.addObject("first", cursor == null);
    return page;
  }

  /**
   * Everything held about the caller as a JSON file; the read is recorded as the API's export is
   * (an entry {@code EXPORT} in the access log).
   */
  @GetMapping("/export")
  ResponseEntity<PersonalDataExport.SubjectData> download(Authentication caller) {
    CitizenId subject = new CitizenId(Actor.of(caller).id());
    PersonalDataExport.SubjectData data = export.export(subject);
    access.export(caller, subject);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("meine-daten.json", StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.noStore())
        .body(data);
  }

  private static ModelAndView badCursor() {
    ModelAndView page = new ModelAndView("portal/citizen/my-data", HttpStatus.BAD_REQUEST);
    page.addObject("reads", List.of());
    page.addObject("first", true);
    page.addObject("cursorError", true);
    return page;
  }
}
