package de.rathaus.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import de.rathaus.application.audit.AuditEvent;
import de.rathaus.application.audit.Disclosure;
import de.rathaus.domain.servicerequest.ApplicantContactRectified;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.ServiceRequestId;
import de.rathaus.infra.privacy.CachingSubjectKeyStore;
import de.rathaus.infra.privacy.FileSubjectKeyStore;
import de.rathaus.infra.privacy.PersonalDataModule;
import de.rathaus.infra.privacy.ProtectedJson;
import de.rathaus.infra.privacy.SubjectKeyStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail's view of a payload whose envelopes are binary, as the event store holds them.
 */
class DisclosuresOfBinaryEnvelopesTest {

  @TempDir Path keyDir;
  private SubjectKeyStore keys;
  private ObjectMapper plain;
  private ObjectMapper protecting;
  private JsonNode stored;

  @BeforeEach
  void storedPayload() {
    keys = new CachingSubjectKeyStore(FileSubjectKeyStore.in(keyDir), Duration.ofSeconds(60));
    plain =
        JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    protecting = ProtectedJson.of(plain, keys).mapper();
    stored =
        protecting.valueToTree(
            new ApplicantContactRectified(
                new ServiceRequestId("request-1"),
                new CitizenId("citizen-anna"),
                "Anna Beispiel",
                "anna@example.org",
                null,
                "Marktplatz 7",
                Instant.parse("2026-12-07T10:00:00Z")));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> shown(Disclosure disclosure) {
    return (Map<String, Object>)
        new Disclosures(protecting, plain)
            .payload(stored, ApplicantContactRectified.class.getName(), 1, disclosure);
  }

  @Test
  void maskedShowsEveryBinaryEnvelopeAsPersonal() {
    assertThat(stored.get("name").isBinary()).isTrue();

    Map<String, Object> masked = shown(Disclosure.MASKED);

    assertThat(masked)
        .containsEntry("name", AuditEvent.PERSONAL)
        .containsEntry("email", AuditEvent.PERSONAL)
        .containsEntry("address", AuditEvent.PERSONAL)
        .containsEntry("phone", null)
        .containsEntry("at", "2026-12-07T10:00:00Z");
  }

  @Test
  void decryptedShowsTheValuesAndErasedOnceErased() {
    assertThat(shown(Disclosure.DECRYPTED))
        .containsEntry("name", "Anna Beispiel")
        .containsEntry("address", "Marktplatz 7");

    keys.destroy("citizen-anna");

    assertThat(shown(Disclosure.DECRYPTED))
        .containsEntry("name", PersonalDataModule.ERASED)
        .containsEntry("email", PersonalDataModule.ERASED);
  }
}
