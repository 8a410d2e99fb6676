package de.rathaus.domain.catalogue;

import de.rathaus.domain.shared.LocalizedText;

/**
 * One choice a citizen can pick in a list field of a service form: a stable key that the request
 * records, and the name the citizen reads.
 */
public record AllowedValue(String key, LocalizedText name) {

  public AllowedValue {
    if (key == null || key.isBlank() || !key.equals(key.strip())) {
      throw new IllegalArgumentException("An allowed value needs a key without surrounding blanks");
    }
    if (name == null) {
      throw new IllegalArgumentException("An allowed value needs a name");
    }
  }
}
