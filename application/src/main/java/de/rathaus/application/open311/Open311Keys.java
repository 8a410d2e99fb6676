package de.rathaus.application.open311;

import java.util.Optional;

/**
 * Checks the API key an Open311 client presents ({@code api_key}). Keys are stored only as hashes;
 * a revoked or unknown key is not a client. Implementations compare in constant time and never log
 * or keep the presented key.
 */
public interface Open311Keys {

  /**
   * The client a presented key belongs to, or empty when the key is unknown, revoked or blank.
   *
   * @param presentedKey the key as the client sent it (may be null)
   */
  Optional<Open311Client> verify(String presentedKey);
}
