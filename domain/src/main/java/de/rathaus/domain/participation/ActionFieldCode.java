package de.rathaus.domain.participation;

import java.util.regex.Pattern;

/**
 * An action field (Handlungsfeld) of the city's strategy, as a short lowercase id: {@code
 * digitale-verwaltung}, {@code mobilitaet}. Consultations name the field they belong to by it.
 */
public record ActionFieldCode(String value) {

  private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9-]{1,62}");

  public ActionFieldCode {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "An action field code is 2 to 63 lowercase letters, digits or hyphens");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
