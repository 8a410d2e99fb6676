package de.rathaus.domain.catalogue;

import static de.rathaus.domain.catalogue.AttributeDatatype.DATETIME;
import static de.rathaus.domain.catalogue.AttributeDatatype.MULTIVALUELIST;
import static de.rathaus.domain.catalogue.AttributeDatatype.NUMBER;
import static de.rathaus.domain.catalogue.AttributeDatatype.SINGLEVALUELIST;
import static de.rathaus.domain.catalogue.AttributeDatatype.STRING;
import static de.rathaus.domain.catalogue.AttributeDatatype.TEXT;
import static de.rathaus.domain.catalogue.AttributeError.Reason.DUPLICATE_VALUE;
import static de.rathaus.domain.catalogue.AttributeError.Reason.NOT_ALLOWED_VALUE;
import static de.rathaus.domain.catalogue.AttributeError.Reason.NOT_A_DATETIME;
import static de.rathaus.domain.catalogue.AttributeError.Reason.NOT_A_LIST;
import static de.rathaus.domain.catalogue.AttributeError.Reason.NOT_A_NUMBER;
import static de.rathaus.domain.catalogue.AttributeError.Reason.NOT_A_STRING;
import static de.rathaus.domain.catalogue.AttributeError.Reason.REQUIRED;
import static de.rathaus.domain.catalogue.AttributeError.Reason.TOO_LONG;
import static de.rathaus.domain.catalogue.AttributeError.Reason.UNKNOWN_ATTRIBUTE;
import static de.rathaus.domain.catalogue.Samples.attribute;
import static de.rathaus.domain.catalogue.Samples.choice;
import static de.rathaus.domain.catalogue.Samples.content;
import static de.rathaus.domain.catalogue.Samples.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import de.rathaus.domain.catalogue.AttributeError.Reason;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checking a citizen's form values against a service (bulky waste collection, optional fields). */
class AttributeValidationTest {

  private static final ServiceDefinitionContent OPTIONAL_FIELDS =
      content(
          0,
          List.of(
              attribute("street", STRING, false),
              attribute("remarks", TEXT, false),
              attribute("weight_kg", NUMBER, false),
              attribute("pickup_date", DATETIME, false),
              choice("district", SINGLEVALUELIST, false, "mitte", "boeckingen"),
              choice("items", MULTIVALUELIST, false, "sofa", "fridge", "table")));

  static Stream<Arguments> acceptedValues() {
    return Stream.of(
        arguments("street", "Marktplatz 7"),
        arguments("street", "x".repeat(AttributeValidator.MAX_STRING)),
        arguments("street", "Straße mit Umlauten, Ä Ö Ü ß"),
        arguments("remarks", "x".repeat(AttributeValidator.MAX_TEXT)),
        arguments("remarks", "Zwei\nZeilen"),
        arguments("weight_kg", 12),
        arguments("weight_kg", 12L),
        arguments("weight_kg", 12.5),
        arguments("weight_kg", -3.25f),
        arguments("weight_kg", new BigDecimal("0.001")),
        arguments("weight_kg", new BigInteger("123456789012345678901234567890")),
        arguments("weight_kg", "12.5"),
        arguments("weight_kg", " 7 "),
        arguments("weight_kg", "-3"),
        arguments("weight_kg", "1e3"),
        arguments("pickup_date", "2026-03-01"),
        arguments("pickup_date", "2026-03-01T10:15"),
        arguments("pickup_date", "2026-03-01T10:15:30Z"),
        arguments("pickup_date", "2026-03-01T10:15:30.250+01:00"),
        arguments("pickup_date", "2026-03-01T10:15:30+01:00[Europe/Berlin]"),
        arguments("pickup_date", "2028-02-29"),
        arguments("district", "mitte"),
        arguments("items", List.of("sofa")),
        arguments("items", List.of("fridge", "sofa", "table")));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("acceptedValues")
  void acceptsValuesOfTheRightType(String attribute, Object value) {
    assertThat(OPTIONAL_FIELDS.validate(Map.of(attribute, value)).errors()).isEmpty();
  }

  static Stream<Arguments> refusedValues() {
    return Stream.of(
        arguments("street", 42, NOT_A_STRING),
        arguments("street", true, NOT_A_STRING),
        arguments("street", List.of("Marktplatz"), NOT_A_STRING),
        arguments("street", "x".repeat(AttributeValidator.MAX_STRING + 1), TOO_LONG),
        arguments("remarks", 7, NOT_A_STRING),
        arguments("remarks", "x".repeat(AttributeValidator.MAX_TEXT + 1), TOO_LONG),
        arguments("weight_kg", "12,5", NOT_A_NUMBER),
        arguments("weight_kg", "zwölf", NOT_A_NUMBER),
        arguments("weight_kg", "12 kg", NOT_A_NUMBER),
        arguments("weight_kg", true, NOT_A_NUMBER),
        arguments("weight_kg", Double.NaN, NOT_A_NUMBER),
        arguments("weight_kg", Double.POSITIVE_INFINITY, NOT_A_NUMBER),
        arguments("weight_kg", Float.NEGATIVE_INFINITY, NOT_A_NUMBER),
        arguments("weight_kg", List.of("12"), NOT_A_NUMBER),
        arguments("pickup_date", "01.03.2026", NOT_A_DATETIME),
        arguments("pickup_date", "2026-02-30", NOT_A_DATETIME),
        arguments("pickup_date", "2027-02-29", NOT_A_DATETIME),
        arguments("pickup_date", "2026-03-01 10:15", NOT_A_DATETIME),
        arguments("pickup_date", "2026-03-01T25:00", NOT_A_DATETIME),
        arguments("pickup_date", "20260301", NOT_A_DATETIME),
        arguments("pickup_date", "morgen", NOT_A_DATETIME),
        arguments("pickup_date", 20260301, NOT_A_DATETIME),
        arguments("pickup_date", List.of("2026-03-01"), NOT_A_DATETIME),
        arguments("district", "sontheim", NOT_ALLOWED_VALUE),
        arguments("district", "Mitte", NOT_ALLOWED_VALUE),
        arguments("district", 1, NOT_ALLOWED_VALUE),
        arguments("district", List.of("mitte"), NOT_ALLOWED_VALUE),
        arguments("items", List.of("car"), NOT_ALLOWED_VALUE),
        arguments("items", List.of("sofa", "car"), NOT_ALLOWED_VALUE),
        arguments("items", List.of(1), NOT_ALLOWED_VALUE),
        arguments("items", Arrays.asList("sofa", null), NOT_ALLOWED_VALUE),
        arguments("items", List.of("sofa", "sofa"), DUPLICATE_VALUE),
        arguments("items", "sofa", NOT_A_LIST),
        arguments("items", true, NOT_A_LIST));
  }

  @ParameterizedTest(name = "{0} = {1} -> {2}")
  @MethodSource("refusedValues")
  void refusesValuesOfTheWrongType(String attribute, Object value, Reason reason) {
    assertThat(OPTIONAL_FIELDS.validate(Map.of(attribute, value)).errors())
        .containsExactly(new AttributeError(attribute, reason));
  }

  @Test
  void optionalFieldsMayBeLeftOutOrEmpty() {
    Map<String, Object> empty = new HashMap<>();
    empty.put("street", "");
    empty.put("remarks", null);
    empty.put("weight_kg", " ");
    empty.put("district", "");
    empty.put("items", List.of());
    AttributeValidation validation = OPTIONAL_FIELDS.validate(empty);
    assertThat(validation.valid()).isTrue();
    assertThat(OPTIONAL_FIELDS.validate(Map.of()).valid()).isTrue();
  }

  @Test
  void requiredFieldsMustBeGivenWithAValue() {
    ServiceDefinitionContent required =
        content(
            0,
            List.of(
                attribute("street", STRING, true),
                attribute("remarks", TEXT, true),
                attribute("weight_kg", NUMBER, true),
                attribute("pickup_date", DATETIME, true),
                choice("district", SINGLEVALUELIST, true, "mitte"),
                choice("items", MULTIVALUELIST, true, "sofa")));
    Map<String, Object> blanks = new HashMap<>();
    blanks.put("street", " ");
    blanks.put("remarks", null);
    blanks.put("weight_kg", "");
    blanks.put("items", List.of());
    assertThat(required.validate(blanks).errors())
        .extracting(AttributeError::reason)
        .containsExactly(REQUIRED, REQUIRED, REQUIRED, REQUIRED, REQUIRED, REQUIRED);
    assertThat(
            required
                .validate(
                    Map.of(
                        "street", "Marktplatz 7",
                        "remarks", "Bitte klingeln",
                        "weight_kg", 80,
                        "pickup_date", "2026-03-01",
                        "district", "mitte",
                        "items", List.of("sofa")))
                .valid())
        .isTrue();
  }

  @Test
  void aMissingMapOfValuesIsAnEmptyOne() {
    ServiceDefinitionContent required = content(0, List.of(attribute("street", STRING, true)));
    assertThat(required.validate(null).errors())
        .containsExactly(new AttributeError("street", REQUIRED));
    assertThat(OPTIONAL_FIELDS.validate(null).valid()).isTrue();
  }

  @Test
  void refusesFieldsTheServiceDoesNotHaveInAlphabeticalOrder() {
    assertThat(
            OPTIONAL_FIELDS.validate(Map.of("zebra", "x", "colour", "red", "street", "a")).errors())
        .containsExactly(
            new AttributeError("colour", UNKNOWN_ATTRIBUTE),
            new AttributeError("zebra", UNKNOWN_ATTRIBUTE));
  }

  @Test
  void listsErrorsInFormOrderThenUnknownFields() {
    ServiceDefinitionContent ordered =
        content(
            0,
            List.of(
                new ServiceAttribute("second", NUMBER, true, 2, text("Zweites"), null),
                new ServiceAttribute("first", STRING, true, 1, text("Erstes"), null)));
    assertThat(ordered.validate(Map.of("second", "viele", "extra", "x")).errors())
        .containsExactly(
            new AttributeError("first", REQUIRED),
            new AttributeError("second", NOT_A_NUMBER),
            new AttributeError("extra", UNKNOWN_ATTRIBUTE));
  }

  @Test
  void reportsEveryWrongFieldAtOnce() {
    AttributeValidation validation =
        OPTIONAL_FIELDS.validate(
            Map.of("weight_kg", "schwer", "pickup_date", "bald", "items", List.of("car", "car")));
    assertThat(validation.valid()).isFalse();
    assertThat(validation.errors())
        .containsExactly(
            new AttributeError("weight_kg", NOT_A_NUMBER),
            new AttributeError("pickup_date", NOT_A_DATETIME),
            new AttributeError("items", NOT_ALLOWED_VALUE));
  }

  @Test
  void acceptsFormValuesThatAreAllStrings() {
    Map<String, String> form = Map.of("weight_kg", "80", "pickup_date", "2026-03-01");
    assertThat(OPTIONAL_FIELDS.validate(form).valid()).isTrue();
  }
}
