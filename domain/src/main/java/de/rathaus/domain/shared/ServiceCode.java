package de.rathaus.domain.shared;

/**
 * The code of a municipal service in the catalogue, for example {@code bewohnerparkausweis}: short,
 * lowercase, stable across versions of the service, used in URLs.
 */
public record ServiceCode(String value) {

  private static final java.util.regex.Pattern FORM =
      java.util.regex.Pattern.compile("[a-z][a-z0-9-]{1,62}");

  public ServiceCode {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "A service code is 2 to 63 lowercase letters, digits or hyphens");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
