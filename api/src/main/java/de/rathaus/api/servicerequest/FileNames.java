package de.rathaus.api.servicerequest;

/**
 * A document's name as it is kept and offered for download: the last part of what the client sent
 * (no folders), without control and direction-changing characters, at most 255 characters; {@code
 * document} if nothing is left. The name is personal data: it is kept encrypted and never logged.
 */
final class FileNames {

  static final int MAX_LENGTH = 255;

  private FileNames() {}

  static String safe(String sent) {
    if (sent == null) {
      return "document";
    }
    String name = sent;
    int folder = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(folder + 1);
    StringBuilder kept = new StringBuilder();
    name.codePoints()
        .filter(c -> !Character.isISOControl(c) && !isDirectionControl(c) && c != '"')
        .forEach(kept::appendCodePoint);
    String cleaned = kept.toString().strip();
    while (cleaned.startsWith(".")) {
      cleaned = cleaned.substring(1); // no hidden files, no "..": a name, not a path
    }
    if (cleaned.isBlank()) {
      return "document";
    }
    if (cleaned.codePointCount(0, cleaned.length()) > MAX_LENGTH) {
      cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_LENGTH));
    }
    return cleaned;
  }

  private static boolean isDirectionControl(int c) {
    return (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200E
        || c == 0x200F
        || c == 0x061C;
  }
}
