package de.rathaus.domain.catalogue;

import static de.rathaus.domain.catalogue.AttributeDatatype.MULTIVALUELIST;
import static de.rathaus.domain.catalogue.AttributeDatatype.NUMBER;
import static de.rathaus.domain.catalogue.AttributeDatatype.SINGLEVALUELIST;
import static de.rathaus.domain.catalogue.AttributeDatatype.STRING;
import static de.rathaus.domain.catalogue.Samples.attribute;
import static de.rathaus.domain.catalogue.Samples.choice;
import static de.rathaus.domain.catalogue.Samples.content;
import static de.rathaus.domain.catalogue.Samples.parkingPermit;
import static de.rathaus.domain.catalogue.Samples.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogueValuesTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "licence_plate", "zone2", "x_1_y"})
  void attributeCodesAreLowercaseIdentifiers(String code) {
    assertThat(attribute(code, STRING, true).code()).isEqualTo(code);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"Plate", "1st", "_a", "a.b", "a$b", "$a", "a-b", "a b", "größe"})
  void refusesAttributeCodesThatCannotBeJsonKeys(String code) {
    assertThatThrownBy(() -> attribute(code, STRING, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void attributeCodesHaveAtMost63Characters() {
    assertThat(attribute("a" + "b".repeat(62), STRING, true).code()).hasSize(63);
    assertThatThrownBy(() -> attribute("a" + "b".repeat(63), STRING, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @EnumSource(
      value = AttributeDatatype.class,
      names = {"SINGLEVALUELIST", "MULTIVALUELIST"})
  void listAttributesNeedAllowedValues(AttributeDatatype datatype) {
    assertThatThrownBy(() -> choice("zone", datatype, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(choice("zone", datatype, true, "a").values()).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(
      value = AttributeDatatype.class,
      names = {"STRING", "NUMBER", "DATETIME", "TEXT"})
  void otherAttributesTakeNoAllowedValues(AttributeDatatype datatype) {
    assertThatThrownBy(() -> choice("size", datatype, true, "a"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void allowedValuesOfAnAttributeHaveDistinctKeys() {
    assertThatThrownBy(() -> choice("zone", SINGLEVALUELIST, true, "a", "b", "a"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void allowedValueKeysHaveNoSurroundingBlanks() {
    assertThatThrownBy(() -> new AllowedValue(" a", text("A")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AllowedValue(" ", text("A")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void attributeOrderIsNotNegative() {
    assertThatThrownBy(() -> new ServiceAttribute("size", NUMBER, false, -1, text("Größe"), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void attributeCodesAreUniqueWithinAService() {
    List<ServiceAttribute> twice =
        List.of(attribute("plate", STRING, true), attribute("plate", NUMBER, false));
    assertThatThrownBy(() -> content(0, twice)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void feeIsNotNegative() {
    assertThat(parkingPermit(0).feeCents()).isZero();
    assertThatThrownBy(() -> parkingPermit(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void processingTargetIsAtLeastOneDay() {
    assertThat(withProcessingDays(1).processingDays()).isEqualTo(1);
    assertThatThrownBy(() -> withProcessingDays(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void leikaKeysHaveTheFederalForm() {
    assertThat(new LeikaKey("urn:de:fim:leika:leistung:99050012104000").toString())
        .isEqualTo("urn:de:fim:leika:leistung:99050012104000");
    for (String wrong :
        Arrays.asList(
            null,
            "",
            "99050012104000",
            "urn:de:fim:leika:leistung:",
            "urn:de:fim:leika:leistung:9905x",
            "URN:DE:FIM:LEIKA:LEISTUNG:1")) {
      assertThatThrownBy(() -> new LeikaKey(wrong)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void missingOptionalPartsAreEmpty() {
    ServiceDefinitionContent sparse =
        new ServiceDefinitionContent(
            text("Sperrmüllabholung"),
            text("Abholung großer Gegenstände"),
            new DepartmentCode("abfallwirtschaft"),
            "Abfall",
            null,
            ServiceKind.REQUEST,
            null,
            0,
            14,
            null,
            null);
    assertThat(sparse.keywords()).isEmpty();
    assertThat(sparse.attributes()).isEmpty();
    assertThat(sparse.requiredDocuments()).isEmpty();
    assertThat(sparse.leikaKey()).isNull();
  }

  @Test
  void contentDoesNotChangeWithTheListsItWasMadeFrom() {
    List<ServiceAttribute> attributes = new ArrayList<>(List.of(attribute("plate", STRING, true)));
    ServiceDefinitionContent content = content(0, attributes);
    attributes.add(attribute("zone", STRING, false));
    assertThat(content.attributes()).hasSize(1);
    assertThatThrownBy(() -> content.attributes().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void contentRefusesEmptyEntriesInItsLists() {
    List<ServiceAttribute> withHole = Arrays.asList(attribute("plate", STRING, true), null);
    assertThatThrownBy(() -> content(0, withHole)).isInstanceOf(IllegalArgumentException.class);
    List<AllowedValue> valuesWithHole = Arrays.asList(new AllowedValue("a", text("A")), null);
    assertThatThrownBy(
            () ->
                new ServiceAttribute(
                    "zone", MULTIVALUELIST, false, 0, text("Zone"), valuesWithHole))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aServiceBelongsToAGroup() {
    assertThatThrownBy(() -> withGroup(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatCode(() -> withGroup("Verkehr")).doesNotThrowAnyException();
  }

  private static ServiceDefinitionContent withProcessingDays(int days) {
    ServiceDefinitionContent base = parkingPermit(0);
    return new ServiceDefinitionContent(
        base.name(),
        base.description(),
        base.department(),
        base.group(),
        base.keywords(),
        base.kind(),
        base.attributes(),
        base.feeCents(),
        days,
        base.requiredDocuments(),
        base.leikaKey());
  }

  private static ServiceDefinitionContent withGroup(String group) {
    ServiceDefinitionContent base = parkingPermit(0);
    return new ServiceDefinitionContent(
        base.name(),
        base.description(),
        base.department(),
        group,
        base.keywords(),
        base.kind(),
        base.attributes(),
        base.feeCents(),
        base.processingDays(),
        List.of(new LocalizedText("Personalausweis", "Identity card")),
        base.leikaKey());
  }
}
