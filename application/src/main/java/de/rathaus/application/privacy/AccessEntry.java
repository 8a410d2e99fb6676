package de.rathaus.application.privacy;

import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;

/**
 * One read of a citizen's personal data: who read, in which role (and department), when, what
 * (which request or case, which kind of read). Never what was shown: every part is an id or a code,
 * so the entry itself holds no personal value beyond the pseudonymous ids.
 *
 * @param id the entry's own id
 * @param subject the citizen whose data was read
 * @param requestId the request (case) read, or {@code null} for a read of everything (an export)
 * @param caseNumber the case number of that request, or {@code null}
 * @param kind the kind of read
 * @param reader the reader's account id (a clerk's or officer's id, or the citizen's own)
 * @param readerRole the reader's role ({@code CITIZEN}, {@code CLERK}, {@code ADMIN}, …)
 * @param readerDepartment the department of a reading clerk, or {@code null}
 * @param at when
 */
public record AccessEntry(
    String id,
    CitizenId subject,
    String requestId,
    String caseNumber,
    AccessKind kind,
    String reader,
    String readerRole,
    String readerDepartment,
    Instant at) {

  public AccessEntry {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("An access-log entry needs an id");
    }
    if (subject == null || kind == null || at == null) {
      throw new IllegalArgumentException("An access-log entry needs a subject, a kind and a time");
    }
    if (reader == null || reader.isBlank() || readerRole == null || readerRole.isBlank()) {
      throw new IllegalArgumentException("An access-log entry needs its reader and their role");
    }
  }

  /** Whether the citizen read their own data. */
  public boolean bySubject() {
    return reader.equals(subject.value());
  }
}
