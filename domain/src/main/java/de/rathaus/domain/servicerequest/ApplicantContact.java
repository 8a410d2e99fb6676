package de.rathaus.domain.servicerequest;

/**
 * How the office reaches the applicant: name, e-mail, phone and postal address. Personal data:
 * every part is optional (a report may be anonymous), blank parts count as absent, and {@link
 * #toString()} shows none of it.
 */
public record ApplicantContact(String name, String email, String phone, String address) {

  public ApplicantContact {
    name = blankToNull(name);
    email = blankToNull(email);
    phone = blankToNull(phone);
    address = blankToNull(address);
  }

  /** No contact details given. */
  public static ApplicantContact none() {
    return new ApplicantContact(null, null, null, null);
  }

  public boolean hasName() {
    return name != null;
  }

  @Override
  public String toString() {
    return "ApplicantContact[personal data]";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
