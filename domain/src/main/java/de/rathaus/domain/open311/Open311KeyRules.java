package de.rathaus.domain.open311;

import de.rathaus.domain.open311.Open311KeyRuleViolation.Code;
import java.util.regex.Pattern;

/** The rules an API key's changes keep, each a named check that throws when broken. */
public final class Open311KeyRules {

  /** The longest name a key may have. */
  public static final int MAX_NAME_LENGTH = 100;

  private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

  private Open311KeyRules() {}

  static void requireShortName(String name) {
    if (name.strip().length() > MAX_NAME_LENGTH) {
      throw new Open311KeyRuleViolation(
          Code.NAME_TOO_LONG, "A key's name has at most " + MAX_NAME_LENGTH + " characters");
    }
  }

  static void requireSha256(String keyHash) {
    if (!SHA_256_HEX.matcher(keyHash).matches()) {
      throw new Open311KeyRuleViolation(
          Code.MALFORMED_HASH, "A key's hash is a SHA-256 in lowercase hex");
    }
  }

  static void requireNotRevoked(boolean revoked, Open311KeyId id) {
    if (revoked) {
      throw new Open311KeyRuleViolation(Code.ALREADY_REVOKED, "Key " + id + " is revoked already");
    }
  }
}
