package de.rathaus.domain.shared;

/**
 * A department of the city administration (Amt), as a short lowercase id: {@code buergeramt},
 * {@code ordnungsamt}. Clerks belong to one; cases are handled by one.
 */
public record DepartmentCode(String value) {

  private static final java.util.regex.Pattern FORM =
      java.util.regex.Pattern.compile("[a-z][a-z0-9-]{1,62}");

  public DepartmentCode {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "A department code is 2 to 63 lowercase letters, digits or hyphens");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
