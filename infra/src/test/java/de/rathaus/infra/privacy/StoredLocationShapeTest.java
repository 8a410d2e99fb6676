package de.rathaus.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.servicerequest.RequestKind;
import de.rathaus.domain.servicerequest.ServiceRequestSubmitted;
import de.rathaus.domain.shared.CaseNumber;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.PersonalData;
import de.rathaus.domain.shared.ServiceCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ServiceRequestSubmitted} stored before a location could be an address alone (its {@link
 * Location} had {@code double} coordinates, both required) reads with the current shape, without an
 * upcaster: the fields keep their names and types in the stored JSON, the coordinates only became
 * nullable. The old shape is written here by a copy of the event as it was, through the same
 * protected mapper the event store uses (personal fields encrypted), and read as the current event.
 */
class StoredLocationShapeTest {

  /** {@code Location} as it was stored before: both coordinates required. */
  record LocationAsStored(double lat, double lon, @PersonalData String address) {}

  /** {@code ServiceRequestSubmitted} revision 2 as it was stored before. */
  record SubmittedAsStored(
      ServiceRequestId id,
      CaseNumber caseNumber,
      @DataSubject CitizenId applicant,
      ServiceCode serviceCode,
      int serviceVersion,
      DepartmentCode department,
      RequestKind kind,
      @PersonalData Map<String, Object> attributes,
      @PersonalData String description,
      LocationAsStored location,
      @PersonalData LocationAsStored privateLocation,
      @PersonalData String applicantName,
      @PersonalData String applicantEmail,
      @PersonalData String applicantPhone,
      @PersonalData String applicantAddress,
      int processingDays,
      Instant submittedAt,
      Instant dueDate) {}

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  @TempDir Path dataDir;
  private ObjectMapper json;

  @BeforeEach
  void mapper() {
    SubjectKeyStore keys =
        new CachingSubjectKeyStore(
            FileSubjectKeyStore.in(dataDir.resolve("keys")), Duration.ofSeconds(60));
    ObjectMapper application =
        JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    json = ProtectedJson.of(application, keys).mapper();
  }

  private static SubmittedAsStored stored(
      RequestKind kind, LocationAsStored report, LocationAsStored application) {
    return new SubmittedAsStored(
        new ServiceRequestId("5f0c2d1e-0000-4000-8000-000000000001"),
        CaseNumber.of("HN", 2026, 123),
        new CitizenId("anna"),
        new ServiceCode("maengelmelder"),
        1,
        new DepartmentCode("ordnungsamt"),
        kind,
        Map.of("category", "pothole"),
        "Schlagloch",
        report,
        application,
        "Anna Schäfer",
        null,
        null,
        null,
        14,
        T0,
        T0.plus(Duration.ofDays(14)));
  }

  @Test
  void aReportsLocationStoredWithRequiredCoordinatesReadsAsBefore() throws Exception {
    byte[] old =
        json.writeValueAsBytes(
            stored(
                RequestKind.REPORT,
                new LocationAsStored(49.1427, 9.2109, "Kaiserstraße 12"),
                null));
    assertThat(new String(old, java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain("Kaiserstraße");

    ServiceRequestSubmitted read = json.readValue(old, ServiceRequestSubmitted.class);
    assertThat(read.location().lat()).isEqualTo(49.1427);
    assertThat(read.location().lon()).isEqualTo(9.2109);
    assertThat(read.location().address()).isEqualTo("Kaiserstraße 12");
    assertThat(read.privateLocation()).isNull();
    assertThat(read.applicantName()).isEqualTo("Anna Schäfer");
  }

  @Test
  void anApplicationsPrivateLocationStoredWithRequiredCoordinatesReadsAsBefore() throws Exception {
    byte[] old =
        json.writeValueAsBytes(
            stored(RequestKind.REQUEST, null, new LocationAsStored(49.15, 9.22, "Gartenweg 3")));
    assertThat(new String(old, java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain("Gartenweg", "49.15");

    ServiceRequestSubmitted read = json.readValue(old, ServiceRequestSubmitted.class);
    assertThat(read.location()).isNull();
    assertThat(read.privateLocation()).isEqualTo(new Location(49.15, 9.22, "Gartenweg 3"));
  }

  @Test
  void theStoredShapeOfALocationWithCoordinatesIsUnchanged() throws Exception {
    // the same fields, names and values as before: old and new events are one shape
    JsonNode old =
        json.readTree(
            json.writeValueAsBytes(
                stored(RequestKind.REPORT, new LocationAsStored(49.1427, 9.2109, null), null)));
    ServiceRequestSubmitted current =
        json.readValue(json.treeAsTokens(old), ServiceRequestSubmitted.class);
    JsonNode now = json.readTree(json.writeValueAsBytes(current));
    assertThat(now.path("location")).isEqualTo(old.path("location"));
    assertThat(now.path("location").path("lat").isNumber()).isTrue();
  }

  @Test
  void aLocationByItsAddressAloneIsStoredWithoutCoordinatesAndReadBack() throws Exception {
    SubmittedAsStored shape = stored(RequestKind.REPORT, null, null);
    ServiceRequestSubmitted report =
        new ServiceRequestSubmitted(
            shape.id(),
            shape.caseNumber(),
            shape.applicant(),
            shape.serviceCode(),
            shape.serviceVersion(),
            shape.department(),
            RequestKind.REPORT,
            shape.attributes(),
            shape.description(),
            Location.ofAddress("Kaiserstraße 12"),
            null,
            shape.applicantName(),
            null,
            null,
            null,
            shape.processingDays(),
            shape.submittedAt(),
            shape.dueDate());
    byte[] stored = json.writeValueAsBytes(report);
    assertThat(new String(stored, java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain("Kaiserstraße");
    ServiceRequestSubmitted read = json.readValue(stored, ServiceRequestSubmitted.class);
    assertThat(read.location().hasCoordinates()).isFalse();
    assertThat(read.location().address()).isEqualTo("Kaiserstraße 12");
  }
}
