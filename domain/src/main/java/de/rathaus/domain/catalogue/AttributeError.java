package de.rathaus.domain.catalogue;

/**
 * What is wrong with the value a citizen gave for one field of a service form: the attribute code
 * and a machine-readable reason that the API translates into German or English.
 */
public record AttributeError(String attribute, Reason reason) {

  public AttributeError {
    if (attribute == null || reason == null) {
      throw new IllegalArgumentException("An attribute error names the attribute and the reason");
    }
  }

  /** Why a value is refused. */
  public enum Reason {
    /** A required field is missing, null, blank, or an empty list. */
    REQUIRED,
    /** The service has no field with this code. */
    UNKNOWN_ATTRIBUTE,
    /** A STRING or TEXT field got a number, a boolean or a list. */
    NOT_A_STRING,
    /** A STRING field over 1,000 characters or a TEXT field over 10,000. */
    TOO_LONG,
    /** A NUMBER field got something that is neither a finite number nor a decimal string. */
    NOT_A_NUMBER,
    /** A DATETIME field got something that is not an ISO-8601 date or date-time string. */
    NOT_A_DATETIME,
    /** A list field got a choice that is not one of its allowed values. */
    NOT_ALLOWED_VALUE,
    /** A MULTIVALUELIST field got a single value instead of a list. */
    NOT_A_LIST,
    /** A MULTIVALUELIST field got the same choice twice. */
    DUPLICATE_VALUE
  }
}
