package de.rathaus.domain.servicerequest;

import de.rathaus.domain.servicerequest.ServiceRequestRuleViolation.Code;
import java.util.Collection;

/**
 * The rules for documents of a case, one named method each, as {@link CaseRules} holds the case's
 * other rules: when a document may be attached, by whom, and how much a case holds. Messages name
 * the rule and at most the status, never a file's name.
 */
final class AttachmentRules {

  private AttachmentRules() {}

  /**
   * The applicant's documents: while the case is open, an answer's only while a question is open,
   * an objection's once decided and until the objection is decided.
   */
  static void requireOpenForApplicant(
      AttachmentPurpose purpose, RequestStatus status, boolean objectionDecided) {
    if (purpose == AttachmentPurpose.OBJECTION) {
      ObjectionRules.requireOpenForObjectionDocuments(status, objectionDecided);
      return;
    }
    CaseRules.requireOpen(status);
    if (purpose == AttachmentPurpose.ANSWER) {
      CaseRules.requireWaitingForApplicant(status);
    }
  }

  /**
   * The office's documents: a question's while the question is open, the decision letter once
   * decided and before the case is closed.
   */
  static void requireOpenForOffice(AttachmentPurpose purpose, RequestStatus status) {
    if (purpose == AttachmentPurpose.DECISION_LETTER) {
      refuseIf(
          status != RequestStatus.DECIDED,
          Code.NOT_DECIDED,
          "A decision letter needs a decided case that is not closed; the case is " + status);
    } else {
      CaseRules.requireWaitingForApplicant(status);
    }
  }

  static void requireNewAttachment(CaseAttachments attached, AttachmentId id) {
    refuseIf(
        attached.holds(id), Code.ALREADY_ATTACHED, "A document of this id is already attached");
  }

  static void requireContent(AttachmentRef document) {
    refuseIf(document.size() == 0, Code.EMPTY_ATTACHMENT, "The document is empty");
  }

  static void requireWithinFileSize(AttachmentRef document, AttachmentLimits limits) {
    refuseIf(
        document.size() > limits.maxFileBytes(),
        Code.ATTACHMENT_TOO_LARGE,
        "A document may have at most " + limits.maxFileBytes() + " bytes");
  }

  static void requireRoomForAnother(int attachedCount, AttachmentLimits limits) {
    refuseIf(
        attachedCount >= limits.maxFiles(),
        Code.TOO_MANY_ATTACHMENTS,
        "A case holds at most " + limits.maxFiles() + " documents");
  }

  static void requireWithinTotalSize(
      long attachedBytes, AttachmentRef document, AttachmentLimits limits) {
    refuseIf(
        attachedBytes + document.size() > limits.maxTotalBytes(),
        Code.ATTACHMENTS_TOO_LARGE,
        "A case's documents may have at most " + limits.maxTotalBytes() + " bytes together");
  }

  /**
   * For a later command that refers to documents filed before (an objection's): each one is
   * attached to this case and was filed by the applicant.
   */
  static void requireApplicantsAttachments(
      CaseAttachments attached, Collection<AttachmentId> named) {
    for (AttachmentId id : named) {
      refuseIf(
          !attached.filedByApplicant(id),
          Code.UNKNOWN_ATTACHMENT,
          "A named document is not one the applicant attached to this case");
    }
  }

  private static void refuseIf(boolean broken, Code code, String message) {
    if (broken) {
      throw new ServiceRequestRuleViolation(code, message);
    }
  }
}
