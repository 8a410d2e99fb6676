package de.rathaus.domain.catalogue;

import static de.rathaus.domain.catalogue.AttributeError.Reason.DUPLICATE_VALUE;
import static de.rathaus.domain.catalogue.AttributeError.Reason.NOT_ALLOWED_VALUE;
import static de.rathaus.domain.catalogue.AttributeError.Reason.NOT_A_DATETIME;
import static de.rathaus.domain.catalogue.AttributeError.Reason.NOT_A_LIST;
import static de.rathaus.domain.catalogue.AttributeError.Reason.NOT_A_NUMBER;
import static de.rathaus.domain.catalogue.AttributeError.Reason.NOT_A_STRING;
import static de.rathaus.domain.catalogue.AttributeError.Reason.REQUIRED;
import static de.rathaus.domain.catalogue.AttributeError.Reason.TOO_LONG;
import static de.rathaus.domain.catalogue.AttributeError.Reason.UNKNOWN_ATTRIBUTE;

import de.rathaus.domain.catalogue.AttributeError.Reason;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks submitted form values against a service's attributes. Values arrive as JSON gives them
 * (String, Number, Boolean, List of String) or as a form gives them (String, List of String), so a
 * number may also come as a decimal string. A missing, null, blank or empty value counts as not
 * given: an error for required fields, nothing for optional ones.
 */
final class AttributeValidator {

  static final int MAX_STRING = 1_000;
  static final int MAX_TEXT = 10_000;

  private AttributeValidator() {}

  static AttributeValidation validate(List<ServiceAttribute> attributes, Map<String, ?> values) {
    Map<String, ?> given = values == null ? Map.of() : values;
    List<AttributeError> errors = new ArrayList<>();
    Set<String> known = new HashSet<>();
    attributes.stream()
        .sorted(Comparator.comparingInt(ServiceAttribute::order))
        .forEach(
            attribute -> {
              known.add(attribute.code());
              Reason reason = check(attribute, given.get(attribute.code()));
              if (reason != null) {
                errors.add(new AttributeError(attribute.code(), reason));
              }
            });
    given.keySet().stream()
        .filter(code -> !known.contains(code))
        .map(String::valueOf)
        .sorted()
        .forEach(code -> errors.add(new AttributeError(code, UNKNOWN_ATTRIBUTE)));
    return new AttributeValidation(errors);
  }

  /** The reason {@code value} does not fit {@code attribute}, or {@code null} when it fits. */
  private static Reason check(ServiceAttribute attribute, Object value) {
    if (notGiven(value)) {
      return attribute.required() ? REQUIRED : null;
    }
    return switch (attribute.datatype()) {
      case STRING -> text(value, MAX_STRING);
      case TEXT -> text(value, MAX_TEXT);
      case NUMBER -> number(value) ? null : NOT_A_NUMBER;
      case DATETIME -> dateTime(value) ? null : NOT_A_DATETIME;
      case SINGLEVALUELIST ->
          value instanceof String key && attribute.allows(key) ? null : NOT_ALLOWED_VALUE;
      case MULTIVALUELIST -> choices(attribute, value);
    };
  }

  private static boolean notGiven(Object value) {
    return value == null
        || value instanceof String text && text.isBlank()
        || value instanceof List<?> list && list.isEmpty();
  }

  private static Reason text(Object value, int maxLength) {
    if (!(value instanceof String text)) {
      return NOT_A_STRING;
    }
    return text.length() > maxLength ? TOO_LONG : null;
  }

  private static boolean number(Object value) {
    if (value instanceof Double number) {
      return Double.isFinite(number);
    }
    if (value instanceof Float number) {
      return Float.isFinite(number);
    }
    if (value instanceof String text) {
      try {
        new BigDecimal(text.strip());
        return true;
      } catch (NumberFormatException notANumber) {
        return false;
      }
    }
    return value instanceof Number;
  }

  /** ISO-8601 in extended form: a date, or a date-time with or without offset and zone. */
  private static boolean dateTime(Object value) {
    if (!(value instanceof String text)) {
      return false;
    }
    for (DateTimeFormatter form :
        List.of(DateTimeFormatter.ISO_DATE_TIME, DateTimeFormatter.ISO_LOCAL_DATE)) {
      try {
        form.parse(text);
        return true;
      } catch (DateTimeParseException notThisForm) {
        // try the next form
      }
    }
    return false;
  }

  private static Reason choices(ServiceAttribute attribute, Object value) {
    if (!(value instanceof List<?> list)) {
      return NOT_A_LIST;
    }
    Set<String> chosen = new HashSet<>();
    for (Object choice : list) {
      if (!(choice instanceof String key) || !attribute.allows(key)) {
        return NOT_ALLOWED_VALUE;
      }
      if (!chosen.add(key)) {
        return DUPLICATE_VALUE;
      }
    }
    return null;
  }
}
