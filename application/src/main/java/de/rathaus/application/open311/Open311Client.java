package de.rathaus.application.open311;

/**
 * An Open311 client that presented a valid API key.
 *
 * @param keyId the key's public identifier (never the key itself); limits and the audit trail name
 *     the client by it
 * @param name the name the admin gave the key (the app or dashboard it was issued to)
 */
public record Open311Client(String keyId, String name) {

  public Open311Client {
    if (keyId == null || keyId.isBlank()) {
      throw new IllegalArgumentException("keyId is required");
    }
    name = name == null ? "" : name;
  }
}
