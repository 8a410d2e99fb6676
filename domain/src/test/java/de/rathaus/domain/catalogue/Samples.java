package de.rathaus.domain.catalogue;

import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import de.rathaus.domain.shared.ServiceCode;
import java.util.List;

/** Valid building blocks for the catalogue tests. */
final class Samples {

  static final ServiceCode PARKING = new ServiceCode("bewohnerparkausweis");

  private Samples() {}

  static LocalizedText text(String german) {
    return new LocalizedText(german, null);
  }

  static ServiceAttribute attribute(String code, AttributeDatatype datatype, boolean required) {
    return new ServiceAttribute(code, datatype, required, 0, text(code), List.of());
  }

  static ServiceAttribute choice(
      String code, AttributeDatatype datatype, boolean required, String... keys) {
    List<AllowedValue> values =
        java.util.Arrays.stream(keys).map(key -> new AllowedValue(key, text(key))).toList();
    return new ServiceAttribute(code, datatype, required, 0, text(code), values);
  }

  /** A content that differs from others by its fee only. */
  static ServiceDefinitionContent parkingPermit(long feeCents) {
    return content(
        feeCents,
        List.of(
            attribute("licence_plate", AttributeDatatype.STRING, true),
            choice("zone", AttributeDatatype.SINGLEVALUELIST, true, "a", "b", "c")));
  }

  static ServiceDefinitionContent content(long feeCents, List<ServiceAttribute> attributes) {
    return new ServiceDefinitionContent(
        new LocalizedText("Bewohnerparkausweis", "Residents' parking permit"),
        new LocalizedText(
            "Parken im Bewohnerparkgebiet ohne Parkschein",
            "Park in your residents' zone without a ticket"),
        new DepartmentCode("buergeramt"),
        "Verkehr",
        List.of("Parken", "Auto"),
        ServiceKind.REQUEST,
        attributes,
        feeCents,
        10,
        List.of(text("Fahrzeugschein")),
        new LeikaKey("urn:de:fim:leika:leistung:99108001001000"));
  }
}
