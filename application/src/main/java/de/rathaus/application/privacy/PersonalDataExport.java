package de.rathaus.application.privacy;

import de.rathaus.application.participation.CommentView;
import de.rathaus.application.participation.ProposalView;
import de.rathaus.application.participation.ProposalViews;
import de.rathaus.application.servicerequest.AttachmentFiles;
import de.rathaus.application.servicerequest.CaseView;
import de.rathaus.application.servicerequest.CaseViews;
import de.rathaus.application.servicerequest.RequestView;
import de.rathaus.application.servicerequest.RequestViews;
import de.rathaus.domain.servicerequest.AttachmentPurpose;
import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.shared.CitizenId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A citizen's own data, everything the engine holds about them (DSGVO Art. 15 and 20): their
 * requests as they see them, and the same cases as the office holds them, with contact details,
 * form values, questions and answers, decisions and the office's internal notes; and the proposals
 * they wrote in consultations, with their location's address. Erased parts read as placeholders.
 */
public class PersonalDataExport {

  private final RequestViews requests;
  private final CaseViews cases;
  private final ProposalViews proposals;
  private final PersonalDataKeys keys;
  private final AttachmentFiles files;
  private final Clock clock;

  public PersonalDataExport(
      RequestViews requests,
      CaseViews cases,
      ProposalViews proposals,
      PersonalDataKeys keys,
      AttachmentFiles files,
      Clock clock) {
    this.requests = requests;
    this.cases = cases;
    this.proposals = proposals;
    this.keys = keys;
    this.files = files;
    this.clock = clock;
  }

  /**
   * What the engine holds about one citizen.
   *
   * @param keyCreatedAt when the key protecting their current personal data was made (none: no
   *     personal data of theirs has been written since the last erasure)
   * @param proposals the proposals they wrote, newest first
   * @param comments the comments they wrote, hidden ones too, by proposal (newest first)
   * @param documents the documents filed with their requests, by them and by the office
   */
  public record SubjectData(
      String subjectId,
      Instant exportedAt,
      Instant keyCreatedAt,
      List<RequestView> requests,
      List<ContactHeld> contacts,
      List<ProposalHeld> proposals,
      List<CommentHeld> comments,
      List<DocumentHeld> documents) {}

  /**
   * A document filed with one of the citizen's requests: what the case records of it, and where the
   * citizen fetches its bytes with the same sign-in ({@code download}, relative to the engine). The
   * bytes are not part of the export itself, which stays small; {@code erased} says they can no
   * longer be read.
   */
  public record DocumentHeld(
      String requestId,
      String caseNumber,
      String id,
      String name,
      String mediaType,
      long size,
      String sha256,
      AttachmentPurpose purpose,
      Instant attachedAt,
      boolean erased,
      String download) {

    static DocumentHeld of(RequestView request, RequestView.Attachment held, boolean erased) {
      return new DocumentHeld(
          request.id().value(),
          request.caseNumber().value(),
          held.id().value(),
          held.name(),
          held.mediaType(),
          held.size(),
          held.sha256(),
          held.purpose(),
          held.at(),
          erased,
          "/api/v1/requests/" + request.id().value() + "/attachments/" + held.id().value());
    }

    /** Without the file's name. */
    @Override
    public String toString() {
      return "DocumentHeld[id=" + id + ", requestId=" + requestId + ", personal data]";
    }
  }

  /** How the office can reach the citizen about one case, and where the case is. */
  public record ContactHeld(
      String requestId,
      String caseNumber,
      String name,
      String email,
      String phone,
      String postalAddress,
      String locationAddress) {

    static ContactHeld of(CaseView held) {
      return new ContactHeld(
          held.id().value(),
          held.request().caseNumber().value(),
          held.contact().name(),
          held.contact().email(),
          held.contact().phone(),
          held.contact().address(),
          held.request().location() != null
              ? held.request().location().address()
              : held.request().privateLocation() == null
                  ? null
                  : held.request().privateLocation().address());
    }
  }

  /**
   * A proposal the citizen wrote, as they wrote it (the address of its location too).
   *
   * @param location where it is about, or {@code null}
   * @param editedAt when they last edited it, or {@code null}
   */
  public record ProposalHeld(
      String id,
      String consultationId,
      String displayName,
      String title,
      String text,
      Location location,
      Instant submittedAt,
      Instant editedAt) {

    static ProposalHeld of(ProposalView view) {
      return new ProposalHeld(
          view.id().value(),
          view.consultation().value(),
          view.displayName(),
          view.title(),
          view.text(),
          view.location(),
          view.submittedAt(),
          view.editedAt());
    }

    /** Without what the citizen wrote. */
    @Override
    public String toString() {
      return "ProposalHeld[id=" + id + ", personal data]";
    }
  }

  /**
   * A comment the citizen wrote, as they wrote it, and whether a moderator hid it.
   *
   * @param parentId the comment it replies to, or {@code null}
   */
  public record CommentHeld(
      String id,
      String proposalId,
      String parentId,
      String displayName,
      String text,
      Instant createdAt,
      boolean hidden) {

    static CommentHeld of(ProposalView proposal, CommentView comment) {
      return new CommentHeld(
          comment.id().value(),
          proposal.id().value(),
          comment.parent() == null ? null : comment.parent().value(),
          comment.displayName(),
          comment.text(),
          comment.createdAt(),
          comment.hidden());
    }

    /** Without what the citizen wrote. */
    @Override
    public String toString() {
      return "CommentHeld[id=" + id + ", personal data]";
    }
  }

  public SubjectData export(CitizenId subject) {
    List<RequestView> own = requests.allOf(subject);
    List<ContactHeld> held =
        own.stream()
            .map(request -> cases.find(request.id().value()))
            .flatMap(Optional::stream)
            .filter(view -> subject.equals(view.applicant()))
            .map(ContactHeld::of)
            .toList();
    return new SubjectData(
        subject.value(),
        clock.instant(),
        keys.createdAt(subject.value()).orElse(null),
        own,
        held,
        proposals.allBy(subject).stream().map(ProposalHeld::of).toList(),
        proposals.commentedOnBy(subject).stream()
            .flatMap(
                proposal ->
                    proposal.comments().stream()
                        .filter(comment -> subject.equals(comment.author()))
                        .map(comment -> CommentHeld.of(proposal, comment)))
            .toList(),
        own.stream()
            .flatMap(
                request ->
                    request.attachments().stream()
                        .map(
                            document ->
                                DocumentHeld.of(
                                    request, document, files.erased(document.id(), subject))))
            .toList());
  }
}
