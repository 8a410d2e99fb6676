package de.rathaus.domain.catalogue;

import de.rathaus.domain.shared.LocalizedText;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A field of a service's online form that the citizen fills in, for example the licence plate for a
 * residents' parking permit. Its code becomes a key of the request's attribute values; list fields
 * offer allowed values to choose from, other fields offer none.
 *
 * @param order where the field appears in the form, smaller first
 */
public record ServiceAttribute(
    String code,
    AttributeDatatype datatype,
    boolean required,
    int order,
    LocalizedText description,
    List<AllowedValue> values) {

  /** Lowercase identifiers only: codes become JSON (and document) keys, so no dots and no $. */
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  public ServiceAttribute {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "An attribute code is a lowercase letter followed by up to 62 lowercase letters, digits"
              + " or underscores: "
              + code);
    }
    if (datatype == null || description == null) {
      throw new IllegalArgumentException(
          "Attribute " + code + " needs a datatype and a description");
    }
    if (order < 0) {
      throw new IllegalArgumentException(
          "The order of attribute " + code + " must not be negative");
    }
    values = values == null ? List.of() : copyOf(code, values);
    if (datatype.offersChoices() && values.isEmpty()) {
      throw new IllegalArgumentException("List attribute " + code + " needs allowed values");
    }
    if (!datatype.offersChoices() && !values.isEmpty()) {
      throw new IllegalArgumentException(
          "Attribute " + code + " of type " + datatype + " takes no allowed values");
    }
  }

  /** Whether {@code key} is one of the choices this field offers. */
  public boolean allows(String key) {
    return values.stream().anyMatch(value -> value.key().equals(key));
  }

  private static List<AllowedValue> copyOf(String code, List<AllowedValue> values) {
    Set<String> keys = new HashSet<>();
    for (AllowedValue value : values) {
      if (value == null || !keys.add(value.key())) {
        throw new IllegalArgumentException(
            "The allowed values of attribute " + code + " must be present and have distinct keys");
      }
    }
    return List.copyOf(values);
  }
}
