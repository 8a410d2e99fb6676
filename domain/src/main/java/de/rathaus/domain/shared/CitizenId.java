package de.rathaus.domain.shared;

/**
 * The pseudonymous id of a citizen or business account. It identifies an applicant to the engine
 * without naming them: names and addresses live in the encrypted personal data, never here.
 */
public record CitizenId(String value) {

  public CitizenId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A citizen id is required");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
