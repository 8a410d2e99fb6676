package de.rathaus.infra.privacy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Where a personal value is, as a JSON pointer (RFC 6901) relative to the record that names its
 * subject: {@code /name}, {@code /location/address}, {@code /questions/0/text}, {@code
 * /attributes/purpose} for a value of a map. The path is part of what a value's ciphertext
 * authenticates, so a value moved to another field does not read.
 */
final class FieldPaths {

  private FieldPaths() {}

  /**
   * The pointer of the value a context is at: the property or element being written, or, for a
   * context just opened ({@code START_OBJECT}), the value it opens.
   */
  static String of(JsonStreamContext context) {
    return JsonPointer.forPath(context, false).toString();
  }

  /** The pointer of the value (an object) that the parser is at or has just entered. */
  static String of(JsonParser parser) {
    JsonStreamContext context = parser.getParsingContext();
    if (parser.hasToken(JsonToken.FIELD_NAME) || parser.hasToken(JsonToken.END_OBJECT)) {
      context = context.getParent(); // inside the object already: its own position is above
    }
    return of(context);
  }

  /** The pointer of a map's value. */
  static String item(String map, Object key) {
    return map + '/' + String.valueOf(key).replace("~", "~0").replace("/", "~1");
  }

  /** {@code path} relative to {@code base}, which it lies in. */
  static String relative(String path, String base) {
    return path.startsWith(base) ? path.substring(base.length()) : path;
  }
}
