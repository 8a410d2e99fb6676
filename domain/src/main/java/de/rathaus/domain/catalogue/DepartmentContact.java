package de.rathaus.domain.catalogue;

import java.util.regex.Pattern;

/**
 * How citizens and other offices reach a department: the office's shared e-mail address and phone
 * number, either or both optional. It names an office, never a person, so it is no personal data.
 */
public record DepartmentContact(String email, String phone) {

  private static final int MAX_EMAIL = 254;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()/.-]{2,39}");

  private static final DepartmentContact NONE = new DepartmentContact(null, null);

  public DepartmentContact {
    email = email == null || email.isBlank() ? null : email.strip();
    phone = phone == null || phone.isBlank() ? null : phone.strip();
    if (email != null && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
      throw new IllegalArgumentException(
          "A department's e-mail address has a local part, an @ and a domain with a dot");
    }
    if (phone != null && !PHONE.matcher(phone).matches()) {
      throw new IllegalArgumentException(
          "A department's phone number has 3 to 40 digits, spaces, brackets, slashes, dots or"
              + " hyphens, with an optional leading +");
    }
  }

  /** No way to reach the office given. */
  public static DepartmentContact none() {
    return NONE;
  }
}
