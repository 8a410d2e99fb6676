package de.rathaus.application.notification;

import de.rathaus.application.shared.Versioned;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import java.time.Instant;

/**
 * How the applicant of one request is told: the e-mail address they gave with it (personal data,
 * {@code null} if they gave none or it is erased), the language they submitted in, and the case
 * number the mails name.
 */
public record RequestContact(
    String id,
    @DataSubject CitizenId applicant,
    @PersonalData MailAddress address,
    MailLanguage language,
    String caseNumber,
    Instant submittedAt,
    long sequence)
    implements Versioned<RequestContact> {

  @Override
  public RequestContact atSequence(long sequence) {
    return new RequestContact(id, applicant, address, language, caseNumber, submittedAt, sequence);
  }

  @Override
  public String toString() {
    return "RequestContact[id=%s, caseNumber=%s]".formatted(id, caseNumber);
  }
}
