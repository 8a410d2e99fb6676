package de.rathaus.application.privacy;

/**
 * A personal value could not be read because the key it was encrypted with is missing, while no
 * erasure of that key is recorded. This is never an erasure: the key store is not the engine's own
 * (unmounted, restored from elsewhere, another instance's) or keys were lost. The value is not
 * shown, and nothing is written back in its place, so restoring the key makes it readable again.
 *
 * <p>The message names the key id only (random, no personal data).
 */
public final class PersonalDataKeyMissing extends RuntimeException {

  private final String keyId;

  public PersonalDataKeyMissing(String keyId) {
    super(
        "The key "
            + keyId
            + " of a personal value is missing and no erasure of it is recorded: the value is not"
            + " shown",
        null,
        false,
        false);
    this.keyId = keyId;
  }

  /** The id of the missing key, as written next to the value. */
  public String keyId() {
    return keyId;
  }
}
