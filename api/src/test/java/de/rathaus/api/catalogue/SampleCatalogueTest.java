package de.rathaus.api.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.rathaus.api.catalogue.SampleCatalogue.SampleService;
import de.rathaus.domain.catalogue.AllowedValue;
import de.rathaus.domain.catalogue.AttributeError;
import de.rathaus.domain.catalogue.AttributeValidation;
import de.rathaus.domain.catalogue.DraftServiceDefinition;
import de.rathaus.domain.catalogue.ServiceAttribute;
import de.rathaus.domain.catalogue.ServiceKind;
import de.rathaus.domain.shared.LocalizedText;
import de.rathaus.domain.shared.ServiceCode;
import jakarta.validation.Validation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The sample catalogue seeded on first start, read from its files as the seeder reads them:
 * complete, bilingual, and answerable by a citizen.
 */
class SampleCatalogueTest {

  private static final SampleCatalogue CATALOGUE =
      SampleCatalogue.read(
          new PathMatchingResourcePatternResolver(),
          SampleCatalogue.LOCATION,
          new ObjectMapper(),
          Validation.buildDefaultValidatorFactory().getValidator());

  /** What a citizen would plausibly fill in for each sample service, as JSON would deliver it. */
  private static final Map<String, Map<String, Object>> EXAMPLES =
      Map.ofEntries(
          Map.entry(
              "bewohnerparkausweis",
              Map.of(
                  "licence_plate", "HN-AB 1234",
                  "parking_zone", "zone_b",
                  "start_date", "2026-04-01",
                  "vehicle_holder", "self")),
          Map.entry(
              "halteverbot-umzug",
              Map.of(
                  "street_address", "Kaiserstraße 12",
                  "from_date", "2026-05-15T07:00:00",
                  "to_date", "2026-05-15T18:00:00",
                  "length_m", 15,
                  "purpose", "move")),
          Map.entry(
              "meldebescheinigung",
              Map.of(
                  "certificate_kind", "simple",
                  "purpose", "Vorlage beim Arbeitgeber",
                  "delivery", "post",
                  "copies", 1)),
          Map.entry(
              "hundesteuer-anmeldung",
              Map.of(
                  "dog_name", "Bello",
                  "breed", "Labrador-Mischling",
                  "date_acquired", "2026-02-20",
                  "number_of_dogs", 1,
                  "chip_number", "276098106543210")),
          Map.entry(
              "hundesteuer-abmeldung",
              Map.of(
                  "dog_name", "Bello",
                  "tax_tag_number", "HN-4711",
                  "end_date", "2026-03-31",
                  "reason", "given_away",
                  "new_keeper", "Erika Mustermann, Allee 5, 74072 Heilbronn")),
          Map.entry(
              "sperrmuell",
              Map.of(
                  "preferred_date",
                  "2026-06-10",
                  "items",
                  List.of("furniture", "mattresses"),
                  "estimated_volume_m3",
                  2.5,
                  "placement_note",
                  "vor der Garage")),
          Map.entry(
              "gewerbeanmeldung",
              Map.of(
                  "business_name", "Neckar Fahrradwerkstatt",
                  "activity", "Reparatur und Verkauf von Fahrrädern und Zubehör",
                  "start_date", "2026-07-01",
                  "legal_form", "sole_proprietorship",
                  "occasion", "new_business",
                  "business_address", "Wilhelmstraße 40, 74074 Heilbronn",
                  "employees", 2)),
          Map.entry(
              "gewerbeabmeldung",
              Map.of(
                  "business_name", "Neckar Fahrradwerkstatt",
                  "end_date", "2026-12-31",
                  "reason", "closure")),
          Map.entry(
              "sondernutzung",
              Map.of(
                  "purpose", "scaffolding",
                  "purpose_details", "Fassadensanierung, Gerüst auf dem Gehweg",
                  "site_address", "Sülmerstraße 21",
                  "area_m2", "18.5",
                  "from_date", "2026-08-03",
                  "to_date", "2026-09-11")),
          Map.entry(
              "baumfaellgenehmigung",
              Map.of(
                  "species", "Fichte",
                  "trunk_circumference_cm", 145,
                  "number_of_trees", 1,
                  "property_address", "Lerchenstraße 3, 74074 Heilbronn",
                  "reason", "Der Baum ist vom Borkenkäfer befallen und droht umzustürzen.",
                  "applicant_role", "owner")),
          Map.entry(
              "maengelmelder",
              Map.of("category", "pothole", "photo_note", "Loch etwa 30 cm breit, vor Nr. 8")));

  static Stream<SampleService> services() {
    return CATALOGUE.services().stream();
  }

  @Test
  void everySampleIsACommandTheAggregateAccepts() {
    assertThat(CATALOGUE.services())
        .isNotEmpty()
        .allSatisfy(
            service ->
                assertThat(new DraftServiceDefinition(service.code(), service.content()))
                    .isNotNull());
  }

  @Test
  void codesAreUnique() {
    List<ServiceCode> codes = CATALOGUE.services().stream().map(SampleService::code).toList();

    assertThat(codes).doesNotHaveDuplicates();
  }

  @Test
  void theCatalogueOffersTheServicesAMidSizedCityIsAskedForMost() {
    Set<String> codes =
        CATALOGUE.services().stream()
            .map(service -> service.code().value())
            .collect(Collectors.toSet());

    assertThat(codes)
        .contains(
            "bewohnerparkausweis",
            "meldebescheinigung",
            "hundesteuer-anmeldung",
            "sperrmuell",
            "gewerbeanmeldung",
            "sondernutzung",
            "baumfaellgenehmigung",
            "maengelmelder");
  }

  @Test
  void exactlyOneServiceTakesReportsAndItIsFreeWithTheCategoriesOfPublicSpace() {
    List<SampleService> reports =
        CATALOGUE.services().stream()
            .filter(service -> service.content().kind() == ServiceKind.REPORT)
            .toList();

    assertThat(reports).hasSize(1);
    SampleService report = reports.get(0);
    assertThat(report.code().value()).isEqualTo("maengelmelder");
    assertThat(report.content().feeCents()).isZero();
    ServiceAttribute category = attribute(report, "category");
    assertThat(category.required()).isTrue();
    assertThat(category.values())
        .extracting(AllowedValue::key)
        .containsExactly("pothole", "street_light", "illegal_dumping", "graffiti", "other");
    assertThat(attribute(report, "photo_note").required()).isFalse();
    // Open311: the reporter's agreement to publish the description, optional (no means no)
    ServiceAttribute publish = attribute(report, "publish_description");
    assertThat(publish.required()).isFalse();
    assertThat(publish.values()).extracting(AllowedValue::key).containsExactly("true", "false");
  }

  @Test
  void theDemoClerksDepartmentsHaveServices() {
    Set<String> departments =
        CATALOGUE.services().stream()
            .map(service -> service.content().department().value())
            .collect(Collectors.toSet());

    assertThat(departments).contains("buergeramt", "ordnungsamt");
  }

  @Test
  void feesArePlausible() {
    Map<String, Long> fees =
        CATALOGUE.services().stream()
            .collect(
                Collectors.toMap(
                    service -> service.code().value(), service -> service.content().feeCents()));

    assertThat(fees.get("bewohnerparkausweis")).isBetween(3_000L, 20_000L);
    assertThat(fees.get("meldebescheinigung")).isBetween(500L, 2_000L);
    assertThat(fees.get("gewerbeanmeldung")).isBetween(2_000L, 6_000L);
    assertThat(fees.get("hundesteuer-anmeldung")).isZero();
    assertThat(fees.get("sperrmuell")).isZero();
    assertThat(fees.get("sondernutzung")).isBetween(2_000L, 10_000L);
    assertThat(fees.get("baumfaellgenehmigung")).isBetween(5_000L, 15_000L);
  }

  @ParameterizedTest
  @MethodSource("services")
  void everythingACitizenReadsIsInGermanAndEnglish(SampleService service) {
    var content = service.content();
    assertBilingual(content.name());
    assertBilingual(content.description());
    assertThat(content.group()).isNotBlank();
    assertThat(content.keywords()).isNotEmpty();
    assertThat(content.processingDays()).isPositive();
    content.requiredDocuments().forEach(SampleCatalogueTest::assertBilingual);
    for (ServiceAttribute attribute : content.attributes()) {
      assertBilingual(attribute.description());
      attribute.values().forEach(value -> assertBilingual(value.name()));
    }
  }

  @ParameterizedTest
  @MethodSource("services")
  void formFieldsHaveTheirOwnPlaceInTheForm(SampleService service) {
    assertThat(service.content().attributes())
        .isNotEmpty()
        .extracting(ServiceAttribute::order)
        .doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @MethodSource("services")
  void aRealisticAnswerIsAccepted(SampleService service) {
    Map<String, Object> example = EXAMPLES.get(service.code().value());
    assertThat(example).as("example values for %s", service.code()).isNotNull();

    AttributeValidation validation = service.content().validate(example);

    assertThat(validation.errors()).as("errors for %s", service.code()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("services")
  void theExampleAnswersEveryRequiredField(SampleService service) {
    Map<String, Object> example = EXAMPLES.get(service.code().value());
    Set<String> required =
        service.content().attributes().stream()
            .filter(ServiceAttribute::required)
            .map(ServiceAttribute::code)
            .collect(Collectors.toSet());

    assertThat(example).containsKeys(required.toArray(String[]::new));
  }

  @ParameterizedTest
  @MethodSource("services")
  void anEmptyFormIsRefusedFieldByFieldWhereFieldsAreRequired(SampleService service) {
    List<String> required =
        service.content().attributes().stream()
            .filter(ServiceAttribute::required)
            .map(ServiceAttribute::code)
            .toList();

    AttributeValidation validation = service.content().validate(Map.of());

    assertThat(required).as("required fields of %s", service.code()).isNotEmpty();
    assertThat(validation.valid()).isFalse();
    assertThat(validation.errors())
        .extracting(AttributeError::attribute)
        .containsExactlyInAnyOrderElementsOf(required);
    assertThat(validation.errors())
        .extracting(AttributeError::reason)
        .containsOnly(AttributeError.Reason.REQUIRED);
  }

  @Test
  void everyExampleBelongsToASampleService() {
    Set<String> codes =
        CATALOGUE.services().stream()
            .map(service -> service.code().value())
            .collect(Collectors.toSet());

    assertThat(codes).containsExactlyInAnyOrderElementsOf(EXAMPLES.keySet());
  }

  @Test
  void leikaKeysOnlyWhereTheyAreKnown() {
    Map<String, String> keys =
        CATALOGUE.services().stream()
            .filter(service -> service.content().leikaKey() != null)
            .collect(
                Collectors.toMap(
                    service -> service.code().value(),
                    service -> service.content().leikaKey().value()));

    assertThat(keys)
        .containsOnlyKeys("bewohnerparkausweis", "hundesteuer-anmeldung", "gewerbeanmeldung")
        .containsEntry("gewerbeanmeldung", "urn:de:fim:leika:leistung:99050012104000");
  }

  @Test
  void retentionIsShortForOneOffCertificatesAndReportsAndTenYearsForTaxesAndTrade() {
    Map<String, Integer> years =
        CATALOGUE.services().stream()
            .collect(
                Collectors.toMap(
                    service -> service.code().value(),
                    service -> service.content().retentionYears()));

    assertThat(years)
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("meldebescheinigung", 1),
                Map.entry("sperrmuell", 1),
                Map.entry("maengelmelder", 2),
                Map.entry("halteverbot-umzug", 2),
                Map.entry("bewohnerparkausweis", 3),
                Map.entry("sondernutzung", 6),
                Map.entry("baumfaellgenehmigung", 10),
                Map.entry("hundesteuer-anmeldung", 10),
                Map.entry("hundesteuer-abmeldung", 10),
                Map.entry("gewerbeanmeldung", 10),
                Map.entry("gewerbeabmeldung", 10)));
  }

  @Test
  void theListIsTheSameOnEveryCallAndCannotBeChanged() {
    List<SampleService> services = CATALOGUE.services();

    assertThat(CATALOGUE.services()).isSameAs(services);
    assertThatThrownBy(services::clear).isInstanceOf(UnsupportedOperationException.class);
  }

  private static ServiceAttribute attribute(SampleService service, String code) {
    return service.content().attributes().stream()
        .filter(attribute -> attribute.code().equals(code))
        .findFirst()
        .orElseThrow();
  }

  private static void assertBilingual(LocalizedText text) {
    assertThat(text.de()).isNotBlank();
    assertThat(text.en()).isNotBlank();
  }
}
