package de.rathaus.api.portal;

import de.rathaus.api.servicerequest.AttachmentController;
import de.rathaus.api.servicerequest.DocumentTypes;
import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.HourlyLimit;
import de.rathaus.api.shared.Idempotency;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.transparency.Receipts;
import de.rathaus.application.servicerequest.AttachmentFiles;
import de.rathaus.application.servicerequest.RequestView;
import de.rathaus.domain.servicerequest.ServiceRequestRuleViolation;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.ServiceRequestId;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The documents of a citizen's own request (the CITIZEN role, under {@link PortalRequests#MINE}):
 * the receipt of the submission, the same document as {@code GET /api/v1/requests/{id}/receipt}
 * ({@link Receipts}), to be saved; the request's attachments (Unterlagen), uploaded and fetched
 * through the API's {@link AttachmentController}, so that the same checks hold (type from the
 * content, size, hourly limit, what the case accepts) and the bytes are stored encrypted. Another
 * citizen's request is the 404 page, as in the API.
 */
@Controller
@Hidden
@RequestMapping(PortalRequests.MINE + "/{id}")
public class PortalDocuments {

  private final PortalTexts texts;
  private final Receipts receipts;
  private final PortalRequests requests;
  private final AttachmentController attachments;

  public PortalDocuments(
      PortalTexts texts,
      Receipts receipts,
      PortalRequests requests,
      AttachmentController attachments) {
    this.texts = texts;
    this.receipts = receipts;
    this.requests = requests;
    this.attachments = attachments;
  }

  @ModelAttribute
  void layout(HttpServletRequest request, Model model) {
    PortalPage.layout(request, model, texts, "mine");
  }

  /**
   * The receipt as the API answers it (JSON), as a file; before a signed checkpoint covers the
   * submission a page saying when to try again (202 with {@code Retry-After}, as the API).
   */
  @GetMapping("/quittung")
  Object receipt(@PathVariable String id, Authentication caller, HttpServletResponse response) {
    Optional<Receipts.Receipt> found =
        valid(id)
            ? receipts.of(new ServiceRequestId(id), new CitizenId(Actor.of(caller).id()))
            : Optional.empty();
    if (found.isEmpty()) {
      return notFound();
    }
    Receipts.Receipt receipt = found.get();
    if (!receipt.ready()) {
      ModelAndView page = new ModelAndView("portal/citizen/receipt-pending", HttpStatus.ACCEPTED);
      page.addObject("id", id);
      page.addObject("seconds", receipt.retryAfterSeconds());
      response.setHeader("Retry-After", Long.toString(receipt.retryAfterSeconds()));
      return page;
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("quittung-" + receipt.caseNumber() + ".json", StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.noStore())
        .body(receipt.body());
  }

  /**
   * Files a document with the request: a supporting document, or ({@code zweck=antwort}) one
   * answering the open question. The form's one-time id is the upload's {@code Idempotency-Key}, so
   * a form sent twice files the document once. A refusal is the request's page again with the
   * reason next to the file field and the API's status.
   */
  @PostMapping(value = "/anlagen", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ModelAndView upload(
      @PathVariable String id,
      @RequestParam(name = "datei", required = false) MultipartFile file,
      @RequestParam(name = "zweck", required = false) String purpose,
      @RequestParam(name = "formular", required = false) String formId,
      Authentication caller) {
    Optional<RequestView> view = valid(id) ? requests.find(id, caller) : Optional.empty();
    if (view.isEmpty()) {
      return notFound();
    }
    if (file == null || file.isEmpty()) {
      return refused(
          view.get(), caller, HttpStatus.UNPROCESSABLE_ENTITY, "portal.documents.error.empty");
    }
    String chosen = "antwort".equals(purpose) ? "answer" : "supporting_document";
    try {
      attachments.upload(id, file, chosen, formKey(formId), caller);
    } catch (NotFound gone) {
      return notFound();
    } catch (DocumentTypes.Refused wrongType) {
      return refused(
          view.get(), caller, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "portal.documents.error.type");
    } catch (AttachmentFiles.TooLarge tooLarge) {
      return refused(
          view.get(), caller, HttpStatus.PAYLOAD_TOO_LARGE, "portal.documents.error.size");
    } catch (Idempotency.KeyReused | Idempotency.KeyInProgress repeated) {
      // this form was sent before, with another file (the back button after a success)
      return refused(
          requests.find(id, caller).orElse(view.get()),
          caller,
          HttpStatus.CONFLICT,
          "portal.documents.error.repeated");
    } catch (HourlyLimit.Exceeded tooMany) {
      return refused(
          view.get(), caller, HttpStatus.TOO_MANY_REQUESTS, "portal.documents.error.limit");
    } catch (ServiceRequestRuleViolation rule) {
      return switch (rule.code()) {
        case NOT_THE_APPLICANT -> notFound();
        case EMPTY_ATTACHMENT ->
            refused(
                view.get(),
                caller,
                HttpStatus.UNPROCESSABLE_ENTITY,
                "portal.documents.error.empty");
        default ->
            refused(
                requests.find(id, caller).orElse(view.get()),
                caller,
                HttpStatus.CONFLICT,
                "problem.request."
                    + rule.code().name().toLowerCase(Locale.ROOT).replace('_', '-')
                    + ".detail");
      };
    }
    return PortalRequests.seeOther(PortalRequests.MINE + "/" + id + "?dokument=ok#unterlagen");
  }

  /** A document of the request, to be saved; 404 for another citizen's, 410 once erased. */
  @GetMapping("/anlagen/{attachmentId}")
  Object download(
      @PathVariable String id, @PathVariable String attachmentId, Authentication caller) {
    if (!valid(id) || !valid(attachmentId)) {
      return notFound();
    }
    try {
      return attachments.download(id, attachmentId, caller);
    } catch (NotFound notYours) {
      return notFound();
    } catch (AttachmentFiles.Erased erased) {
      ModelAndView page = new ModelAndView("portal/citizen/document-erased", HttpStatus.GONE);
      page.addObject("id", id);
      return page;
    }
  }

  private ModelAndView refused(
      RequestView view, Authentication caller, HttpStatus status, String reason) {
    ModelAndView page = requests.requestPage(view, caller, status);
    page.addObject("documentError", reason);
    return page;
  }

  /** The form's id as the upload's key, or none (then each upload is its own). */
  private static String formKey(String formId) {
    return formId != null && formId.matches("[0-9a-f-]{36}") ? "portal-" + formId : null;
  }

  /** A file's size in words, as a citizen reads it: {@code 1,2 MB} in German, {@code 1.2 MB}. */
  static String size(long bytes, String language) {
    java.text.NumberFormat number =
        java.text.NumberFormat.getNumberInstance(
            "en".equals(language) ? Locale.ENGLISH : Locale.GERMAN);
    number.setMaximumFractionDigits(1);
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return number.format(bytes / 1024.0) + " KB";
    }
    return number.format(bytes / (1024.0 * 1024.0)) + " MB";
  }

  static boolean valid(String id) {
    return id != null && !id.isBlank() && id.length() <= 100;
  }

  static ModelAndView notFound() {
    ModelAndView page = new ModelAndView("portal/not-found", HttpStatus.NOT_FOUND);
    page.addObject("nav", "mine");
    page.addObject("what", "request");
    return page;
  }
}
