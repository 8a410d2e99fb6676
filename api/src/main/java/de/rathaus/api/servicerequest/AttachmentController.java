package de.rathaus.api.servicerequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.Choices;
import de.rathaus.api.shared.HourlyLimit;
import de.rathaus.api.shared.Idempotency;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.ProducedEvents;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.api.shared.Refusals;
import de.rathaus.api.shared.Role;
import de.rathaus.application.servicerequest.AttachmentFiles;
import de.rathaus.application.servicerequest.CaseProjection;
import de.rathaus.application.servicerequest.CaseView;
import de.rathaus.application.servicerequest.FindCase;
import de.rathaus.application.servicerequest.FindMyRequest;
import de.rathaus.application.servicerequest.RequestProjection;
import de.rathaus.application.servicerequest.RequestView;
import de.rathaus.application.shared.Answers;
import de.rathaus.application.transparency.HistoryLog;
import de.rathaus.domain.servicerequest.AttachDocument;
import de.rathaus.domain.servicerequest.AttachmentId;
import de.rathaus.domain.servicerequest.AttachmentLimits;
import de.rathaus.domain.servicerequest.AttachmentPurpose;
import de.rathaus.domain.servicerequest.AttachmentRef;
import de.rathaus.domain.servicerequest.DocumentAttached;
import de.rathaus.domain.servicerequest.ServiceRequestRuleViolation;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceRequestId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents of a request (Anlagen): the applicant files them with their open request and with an
 * answer to the open question; a clerk of the handling department attaches them to the open
 * question and the decision letter to the decided case. Both read them: the applicant their own
 * request's (another citizen: 404), a clerk their department's cases' (another department: 404).
 *
 * <p>An upload is checked before anything is stored: who may attach what, at most {@code
 * rathaus.limits.attachments-per-hour} uploads per citizen (429), a type the city accepts as
 * detected from the content (415), not empty (422), not too large (413). The bytes are then stored
 * encrypted under the applicant's key and the case records the document with its SHA-256; a case
 * that refuses it (closed meanwhile, full) leaves nothing stored.
 */
@RestController
@RequestMapping("/api/v1/requests/{id}/attachments")
public class AttachmentController {

  private final QueryGateway queries;
  private final CommandGateway commands;
  private final ReadYourWrites readYourWrites;
  private final AttachmentFiles files;
  private final DocumentTypes types;
  private final AttachmentProperties properties;
  private final HourlyLimit uploads;
  private final Idempotency idempotency;
  private final HistoryLog history;
  private final Clock clock;

  AttachmentController(
      QueryGateway queries,
      CommandGateway commands,
      ReadYourWrites readYourWrites,
      AttachmentFiles files,
      DocumentTypes types,
      AttachmentProperties properties,
      AttachmentUploads uploads,
      Idempotency idempotency,
      HistoryLog history,
      Clock clock) {
    this.queries = queries;
    this.commands = commands;
    this.readYourWrites = readYourWrites;
    this.files = files;
    this.types = types;
    this.properties = properties;
    this.uploads = uploads.limit();
    this.idempotency = idempotency;
    this.history = history;
    this.clock = clock;
  }

  /**
   * The answer to an upload.
   *
   * @param sha256 the SHA-256 of the file's bytes, lower-case hex, as the case's history records it
   * @param position the position of the case's record of the document in the history
   * @param leafHash its leaf hash in the tamper-evident log, base64
   */
  record AttachmentCreated(
      String id,
      String name,
      String mediaType,
      long size,
      String sha256,
      AttachmentPurpose purpose,
      String informationRequestId,
      Instant attachedAt,
      Long position,
      String leafHash) {}

  /**
   * A document of the request.
   *
   * @param attachedBy {@code APPLICANT} or {@code OFFICE}
   * @param erased whether the applicant's personal data was erased: the name reads as a placeholder
   *     and the bytes can no longer be read (the SHA-256 stays)
   */
  record AttachmentResource(
      String id,
      String name,
      String mediaType,
      long size,
      String sha256,
      AttachmentPurpose purpose,
      String attachedBy,
      String informationRequestId,
      Instant attachedAt,
      boolean erased) {}

  /** The documents of a request, oldest first, on one page ({@code next} is always null). */
  record AttachmentPage(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<AttachmentResource> items,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonInclude(JsonInclude.Include.ALWAYS)
          String next) {}

  /** What makes two uploads the same request for the {@code Idempotency-Key}. */
  record UploadFingerprint(String sha256, String name, String purpose) {}

  /**
   * Attaches a document (multipart/form-data, the file in part {@code file}). {@code purpose}:
   * {@code supporting_document} (the applicant's default) or {@code answer} (to the open question)
   * for the applicant; {@code question} (to the open question) or {@code decision_letter} (once
   * decided) for a clerk.
   */
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Refusals({409, 413, 415, 422, 429})
  public ResponseEntity<AttachmentCreated> upload(
      @PathVariable String id,
      @RequestPart("file") MultipartFile file,
      @RequestPart(value = "purpose", required = false) String purpose,
      @RequestHeader(value = Idempotency.HEADER, required = false) String idempotencyKey,
      Authentication caller) {
    Actor actor = Actor.of(caller);
    ServiceRequestId request = new ServiceRequestId(id);
    RequestView held = held(request, actor).orElseThrow(NotFound::new);
    if (actor.role() == Role.CITIZEN) {
      uploads.take(actor.id());
    }
    AttachmentPurpose chosen = purpose(actor, purpose);
    String name = FileNames.safe(file.getOriginalFilename());
    if (file.isEmpty()) {
      throw new ServiceRequestRuleViolation(
          ServiceRequestRuleViolation.Code.EMPTY_ATTACHMENT, "The document is empty");
    }
    if (file.getSize() > properties.maxFileSize().toBytes()) {
      throw new AttachmentFiles.TooLarge(properties.maxFileSize().toBytes());
    }
    String mediaType;
    try (InputStream content = file.getInputStream()) {
      mediaType = types.detect(content);
    } catch (IOException e) {
      throw new UncheckedIOException("the uploaded document could not be read", e);
    }
    if (!types.allows(mediaType)) {
      throw new DocumentTypes.Refused(mediaType);
    }
    Idempotency.Outcome<AttachmentCreated> outcome =
        idempotency.once(
            actor.id(),
            idempotencyKey,
            new UploadFingerprint(sha256Of(file), name, chosen.name()),
            AttachmentCreated.class,
            stable ->
                attach(
                    request,
                    held,
                    actor,
                    new AttachmentId(stable.toString()),
                    file,
                    name,
                    mediaType,
                    chosen));
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.created(
            URI.create("/api/v1/requests/" + id + "/attachments/" + outcome.answer().id()));
    if (outcome.replayed()) {
      answer.header("Idempotent-Replayed", "true");
    }
    return answer.body(outcome.answer());
  }

  private AttachmentCreated attach(
      ServiceRequestId request,
      RequestView held,
      Actor actor,
      AttachmentId attachment,
      MultipartFile file,
      String name,
      String mediaType,
      AttachmentPurpose purpose) {
    Optional<RequestView.Attachment> before = held.attachment(attachment);
    if (before.isPresent()) {
      // an attempt with this Idempotency-Key that stopped after the case recorded the document
      return created(before.get(), Optional.empty());
    }
    AttachmentFiles.Stored stored;
    try (InputStream content = file.getInputStream()) {
      stored =
          files.store(attachment, held.applicant(), content, properties.maxFileSize().toBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("the uploaded document could not be read", e);
    }
    AttachmentRef document =
        new AttachmentRef(attachment, mediaType, stored.size(), stored.sha256());
    AttachDocument command =
        new AttachDocument(
            request,
            document,
            name,
            purpose,
            purpose.byApplicant() ? new CitizenId(actor.id()) : null,
            purpose.byApplicant() ? null : department(actor),
            new AttachmentLimits(
                properties.maxFiles(),
                properties.maxFileSize().toBytes(),
                properties.maxTotalSize().toBytes()),
            clock.instant());
    ProducedEvents.Captured<Object> done;
    try {
      done =
          readYourWrites.capturing(
              () -> commands.sendAndWait(command), RequestProjection.NAME, CaseProjection.NAME);
    } catch (RuntimeException refused) {
      // the case did not record it (or it is not known whether it did): a document recorded is
      // found through the case's view; one that is not stays unreferenced and is removed here
      if (!recorded(request, actor, attachment)) {
        files.delete(attachment);
      }
      throw refused;
    }
    Optional<HistoryLog.Leaf> leaf;
    try {
      leaf =
          done.events().stream()
              .filter(e -> e.getPayload() instanceof DocumentAttached)
              .map(DomainEventMessage::getSequenceNumber)
              .findFirst()
              .flatMap(sequence -> history.leafOf(request.value(), sequence));
    } catch (RuntimeException readFailed) {
      leaf = Optional.empty(); // the document is attached: answer without its leaf
    }
    RequestView.Attachment answered =
        viewOf(request, actor, attachment)
            .orElseGet(
                () ->
                    new RequestView.Attachment(
                        attachment,
                        name,
                        mediaType,
                        stored.size(),
                        stored.sha256(),
                        purpose,
                        null,
                        command.at()));
    return created(answered, leaf);
  }

  /** The document as the case's view shows it now (with the question it was tied to). */
  private Optional<RequestView.Attachment> viewOf(
      ServiceRequestId request, Actor actor, AttachmentId attachment) {
    try {
      return held(request, actor).flatMap(v -> v.attachment(attachment));
    } catch (RuntimeException readFailed) {
      return Optional.empty();
    }
  }

  private boolean recorded(ServiceRequestId request, Actor actor, AttachmentId attachment) {
    try {
      return held(request, actor).flatMap(v -> v.attachment(attachment)).isPresent();
    } catch (RuntimeException readFailed) {
      return true; // unknown: keep the bytes, an unreferenced file is never served
    }
  }

  private static AttachmentCreated created(
      RequestView.Attachment a, Optional<HistoryLog.Leaf> leaf) {
    return new AttachmentCreated(
        a.id().value(),
        a.name(),
        a.mediaType(),
        a.size(),
        a.sha256(),
        a.purpose(),
        a.informationRequestId() == null ? null : a.informationRequestId().value(),
        a.at(),
        leaf.map(HistoryLog.Leaf::position).orElse(null),
        leaf.map(l -> Base64.getEncoder().encodeToString(l.leafHash())).orElse(null));
  }

  /** The request's documents, by the applicant and by the office, oldest first. */
  @GetMapping
  public AttachmentPage list(@PathVariable String id, Authentication caller) {
    RequestView held = held(new ServiceRequestId(id), Actor.of(caller)).orElseThrow(NotFound::new);
    return new AttachmentPage(
        held.attachments().stream()
            .map(
                a ->
                    new AttachmentResource(
                        a.id().value(),
                        a.name(),
                        a.mediaType(),
                        a.size(),
                        a.sha256(),
                        a.purpose(),
                        a.purpose().byApplicant() ? "APPLICANT" : "OFFICE",
                        a.informationRequestId() == null ? null : a.informationRequestId().value(),
                        a.at(),
                        files.erased(a.id(), held.applicant())))
            .toList(),
        null);
  }

  /**
   * The document's bytes, as its detected type, to be saved rather than shown ({@code
   * Content-Disposition: attachment}, {@code X-Content-Type-Options: nosniff}). Once the
   * applicant's personal data is erased: 410.
   */
  @GetMapping("/{attachmentId}")
  @Refusals(410)
  public ResponseEntity<InputStreamResource> download(
      @PathVariable String id, @PathVariable String attachmentId, Authentication caller) {
    RequestView held = held(new ServiceRequestId(id), Actor.of(caller)).orElseThrow(NotFound::new);
    RequestView.Attachment attachment =
        held.attachment(attachmentIdOf(attachmentId)).orElseThrow(NotFound::new);
    InputStream content = files.open(attachment.id(), held.applicant());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(attachment.mediaType()))
        .contentLength(attachment.size())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(attachment.name(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.noStore())
        .body(new InputStreamResource(content));
  }

  private static AttachmentId attachmentIdOf(String value) {
    try {
      return new AttachmentId(value);
    } catch (IllegalArgumentException e) {
      throw new NotFound();
    }
  }

  /**
   * The request as the caller may see it: the applicant's own, or a case of the clerk's department
   * (with the same request view inside); nothing for anyone else.
   */
  private Optional<RequestView> held(ServiceRequestId request, Actor actor) {
    return switch (actor.role()) {
      case CITIZEN ->
          Answers.of(
              queries.query(
                  new FindMyRequest(request, new CitizenId(actor.id())),
                  ResponseTypes.optionalInstanceOf(RequestView.class)));
      case CLERK ->
          actor.department().isEmpty()
              ? Optional.empty()
              : Answers.of(
                      queries.query(
                          new FindCase(request, department(actor)),
                          ResponseTypes.optionalInstanceOf(CaseView.class)))
                  .map(CaseView::request);
      default -> Optional.empty();
    };
  }

  /** The purpose asked for, or the applicant's default; only those of the caller's role. */
  private static AttachmentPurpose purpose(Actor actor, String asked) {
    boolean applicant = actor.role() == Role.CITIZEN;
    if (asked == null || asked.isBlank()) {
      if (applicant) {
        return AttachmentPurpose.SUPPORTING_DOCUMENT;
      }
      throw new PurposeNotYours(false);
    }
    AttachmentPurpose purpose = Choices.of(AttachmentPurpose.class, "purpose", asked);
    if (purpose.byApplicant() != applicant) {
      throw new PurposeNotYours(applicant);
    }
    return purpose;
  }

  private static DepartmentCode department(Actor actor) {
    return new DepartmentCode(actor.department().orElseThrow(NotFound::new));
  }

  private static String sha256Of(MultipartFile file) {
    try (InputStream content = file.getInputStream()) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = content.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("the uploaded document could not be read", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /** A purpose of the other role (or none, where the role has no default). */
  static final class PurposeNotYours extends RuntimeException {
    private final boolean applicant;

    PurposeNotYours(boolean applicant) {
      super("purpose is not one of the caller's", null, false, false);
      this.applicant = applicant;
    }

    /** The purposes the caller's role may give. */
    List<String> choices() {
      return java.util.Arrays.stream(AttachmentPurpose.values())
          .filter(p -> p.byApplicant() == applicant)
          .map(p -> p.name().toLowerCase(java.util.Locale.ROOT))
          .toList();
    }
  }
}
