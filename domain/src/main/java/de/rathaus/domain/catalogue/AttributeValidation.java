package de.rathaus.domain.catalogue;

import java.util.List;

/**
 * The outcome of checking a citizen's form values against a service: valid when there are no
 * errors; otherwise at most one error per field, in the order of the form, then unknown fields.
 */
public record AttributeValidation(List<AttributeError> errors) {

  public AttributeValidation {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** Whether every value fits the service's form. */
  public boolean valid() {
    return errors.isEmpty();
  }
}
