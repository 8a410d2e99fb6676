package de.rathaus.domain.servicerequest;

/**
 * The user id of a clerk (Sachbearbeiterin, Sachbearbeiter) of the city administration, as the
 * login knows them, for example {@code clara}. A case is assigned to one; internal notes name their
 * author.
 */
public record ClerkId(String value) {

  public ClerkId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A clerk id is required");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
