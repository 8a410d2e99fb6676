package de.rathaus.api.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.rathaus.api.catalogue.SampleCatalogue.InvalidSampleFile;
import de.rathaus.api.catalogue.SampleCatalogue.SampleDepartment;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The files of the sample catalogue are checked as an administrator's requests with the same bodies
 * are (and a little more strictly); a file that fails fails the start, naming itself.
 */
class SampleCatalogueFilesTest {

  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();

  private static SampleCatalogue read(String location) {
    return SampleCatalogue.read(
        new PathMatchingResourcePatternResolver(), location, new ObjectMapper(), VALIDATOR);
  }

  private static String testCatalogue(String name) {
    return "classpath*:sample-catalogues/" + name;
  }

  @Test
  void aValidCatalogueIsRead() {
    SampleCatalogue catalogue = read(testCatalogue("valid"));

    assertThat(catalogue.departments())
        .extracting(SampleDepartment::file)
        .containsExactly("departments/buergeramt.json");
    assertThat(catalogue.services())
        .singleElement()
        .satisfies(
            service -> {
              assertThat(service.file()).isEqualTo("services/probe.json");
              assertThat(service.code().value()).isEqualTo("probe");
              assertThat(service.content().department().value()).isEqualTo("buergeramt");
            });
  }

  static Stream<Arguments> brokenCatalogues() {
    return Stream.of(
        arguments("not-json", "services/kaputt.json", "is not JSON"),
        arguments("not-marked", "services/ohnemarke.json", "is not marked as sample data"),
        arguments("marked-false", "services/falschemarke.json", "is not marked as sample data"),
        arguments("unknown-field", "services/tippfehler.json", "proccessingDays"),
        arguments("invalid", "services/ungueltig.json", "processingDays"),
        arguments("misnamed", "services/falscher-name.json", "anderer-name.json"),
        arguments("refused-by-the-domain", "services/leika.json", "LeiKa"),
        arguments("unknown-department", "services/fremdamt.json", "bauamt"),
        arguments("invalid-department", "departments/ordnungsamt.json", "e-mail"),
        arguments("invalid-action-field", "action-fields/mobilitaet.json", "name.de"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenCatalogues")
  void aBrokenFileFailsNamingItselfAndTheProblem(String catalogue, String file, String problem) {
    assertThatThrownBy(() -> read(testCatalogue(catalogue)))
        .isInstanceOf(InvalidSampleFile.class)
        .hasMessageContaining(file)
        .hasMessageContaining(problem);
  }

  @Test
  void aBrokenFileStopsTheSeedingBeforeAnyCommandIsSent() {
    // no gateways, no event store: the seeder must fail on the file before it needs any of them
    SampleCatalogueSeeder seeder =
        new SampleCatalogueSeeder(
            null,
            null,
            null,
            null,
            null,
            null,
            new ObjectMapper(),
            VALIDATOR,
            testCatalogue("invalid"));

    assertThatThrownBy(() -> seeder.run(null))
        .isInstanceOf(InvalidSampleFile.class)
        .hasMessageContaining("services/ungueltig.json");
  }

  @Test
  void theSampleDepartmentsAreTheOnesItsServicesNameInGermanAndEnglish() {
    SampleCatalogue catalogue = read(SampleCatalogue.LOCATION);

    assertThat(catalogue.departments())
        .extracting(department -> department.command().code().value())
        .containsExactly(
            "abfallwirtschaft",
            "buergeramt",
            "gewerbeamt",
            "gruenflaechenamt",
            "ordnungsamt",
            "steueramt",
            "tiefbauamt");
    assertThat(catalogue.departments())
        .allSatisfy(
            department -> {
              assertThat(department.command().name().de()).isNotBlank();
              assertThat(department.command().name().en()).isNotBlank();
            });
    assertThat(catalogue.services())
        .extracting(service -> service.content().department().value())
        .containsOnly(
            "abfallwirtschaft",
            "buergeramt",
            "gewerbeamt",
            "gruenflaechenamt",
            "ordnungsamt",
            "steueramt",
            "tiefbauamt");
  }

  @Test
  void theSampleActionFieldsAreTheStrategysEightAndFourUsualOnesInGermanAndEnglish() {
    SampleCatalogue catalogue = read(SampleCatalogue.LOCATION);

    assertThat(catalogue.actionFields())
        .extracting(field -> field.command().code().value())
        .containsExactly(
            "bildung",
            "buergerbeteiligung",
            "buergerservice",
            "digitale-energie",
            "digitale-it-infrastruktur",
            "digitale-verwaltung",
            "gesundheit",
            "mobilitaet",
            "sicherheit",
            "standortmarketing",
            "umwelt-klima",
            "wirtschaftsfoerderung");
    assertThat(catalogue.actionFields())
        .allSatisfy(
            field -> {
              assertThat(field.file()).startsWith("action-fields/");
              assertThat(field.command().name().en()).isNotBlank();
              assertThat(field.command().description().de()).isNotBlank();
              assertThat(field.command().description().en()).isNotBlank();
            });
  }

  @Test
  void aCatalogueWithoutActionFieldsHasNone() {
    assertThat(read(testCatalogue("valid")).actionFields()).isEmpty();
  }
}
