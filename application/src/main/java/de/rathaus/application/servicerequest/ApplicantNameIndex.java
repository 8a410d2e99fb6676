package de.rathaus.application.servicerequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The clerks' search by the applicant's name although names are encrypted: a keyed blind index. A
 * name is split into normalized tokens (lower case, Unicode NFKD with the diacritics dropped,
 * {@code ß} as {@code ss}, split on spaces and hyphens, other punctuation dropped), and each token
 * is stored only as its HMAC-SHA256 under the city's search key; a search computes the same HMACs
 * of what the clerk typed and finds the cases holding all of them.
 *
 * <p>What it reveals to whoever reads the database without the key: which cases share a name token
 * (equal tokens give equal HMACs, so cases of the same person, or of people sharing a first or last
 * name, are linkable) and how many tokens a name has; not the names. With the key (it is in the
 * engine's configuration) a guessed name can be confirmed, as with any searchable index. The
 * citizen's erasure deletes the tokens of their cases (and a rebuild makes none of erased names).
 */
public final class ApplicantNameIndex {

  /** The setting that holds the key in production (base64, at least 32 bytes). */
  public static final String SETTING = "rathaus.search.key";

  private static final int KEY_BYTES = 32;
  private final SecretKeySpec key;

  public ApplicantNameIndex(byte[] key) {
    if (key == null || key.length < KEY_BYTES) {
      throw new IllegalArgumentException("The search key must have at least 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  /** The normalized tokens of a name, each once, in order; none for a blank name. */
  public static List<String> normalizedTokens(String name) {
    if (name == null) {
      return List.of();
    }
    String folded =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replace("ß", "ss");
    Set<String> tokens = new LinkedHashSet<>();
    for (String part : folded.split("[\\s\\-\\u2010-\\u2015]+")) {
      String token = part.replaceAll("[^\\p{L}\\p{N}]", "");
      if (!token.isEmpty()) {
        tokens.add(token);
      }
    }
    return List.copyOf(tokens);
  }

  /** The blind tokens of a name: the HMAC of each normalized token, base64url. */
  public List<String> tokensOf(String name) {
    List<String> blind = new ArrayList<>();
    for (String token : normalizedTokens(name)) {
      blind.add(blind(token));
    }
    return blind;
  }

  private String blind(String token) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /**
   * The configured key (base64); else, in demo mode, the key in {@code demoFile} (generated there
   * on the first start, readable by its owner only); else none, and the engine must not start.
   *
   * @throws IllegalStateException naming the setting (never the value) if the configured text is no
   *     key, or if none is configured outside demo mode
   */
  public static ApplicantNameIndex load(String configured, Path demoFile, boolean demo) {
    if (configured != null && !configured.isBlank()) {
      return new ApplicantNameIndex(decode(configured.trim(), SETTING));
    }
    if (!demo) {
      throw new IllegalStateException(
          "No key for the clerks' name search: set "
              + SETTING
              + " to at least 32 random bytes in base64 (only demo mode generates one)");
    }
    try {
      if (!Files.exists(demoFile)) {
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        write(demoFile, Base64.getEncoder().encodeToString(fresh));
      }
      return new ApplicantNameIndex(
          decode(Files.readString(demoFile, StandardCharsets.US_ASCII).trim(), "the key file"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the search key file", e);
    }
  }

  private static void write(Path file, String text) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
      Files.writeString(file, text, StandardCharsets.US_ASCII);
    } catch (FileAlreadyExistsException another) {
      // another start wrote it first: read theirs
    }
  }

  private static byte[] decode(String text, String where) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + " is not base64");
    }
    if (bytes.length < KEY_BYTES) {
      throw new IllegalStateException(where + " holds fewer than 32 bytes");
    }
    return bytes;
  }
}
