package de.rathaus.domain.servicerequest;

import java.util.ArrayList;
import java.util.List;

/**
 * The documents a case holds, as its rules need them: which, filed for what, and how large. A
 * record of a list (not a map) so that a snapshot of the case stores and reads it as it is.
 */
record CaseAttachments(List<Filed> filed) {

  /** One document of the case. */
  record Filed(AttachmentId id, AttachmentPurpose purpose, long size) {}

  CaseAttachments {
    filed = filed == null ? List.of() : List.copyOf(filed);
  }

  static CaseAttachments none() {
    return new CaseAttachments(List.of());
  }

  CaseAttachments with(AttachmentRef document, AttachmentPurpose purpose) {
    List<Filed> more = new ArrayList<>(filed);
    more.add(new Filed(document.id(), purpose, document.size()));
    return new CaseAttachments(more);
  }

  int count() {
    return filed.size();
  }

  long bytes() {
    return filed.stream().mapToLong(Filed::size).sum();
  }

  boolean holds(AttachmentId id) {
    return filed.stream().anyMatch(f -> f.id().equals(id));
  }

  /** Whether the applicant filed this document with the case. */
  boolean filedByApplicant(AttachmentId id) {
    return filed.stream().anyMatch(f -> f.id().equals(id) && f.purpose().byApplicant());
  }
}
