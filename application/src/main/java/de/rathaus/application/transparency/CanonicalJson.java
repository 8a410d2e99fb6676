package de.rathaus.application.transparency;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;

/**
 * The JSON Canonicalization Scheme (RFC 8785) of a Jackson tree: properties sorted by their UTF-16
 * code units, no white space, strings escaped as ECMAScript's {@code JSON.stringify} does, numbers
 * in ECMAScript's shortest form, UTF-8.
 *
 * <p>Written here rather than taken from the reference implementation (which the tests compare
 * against), because that one parses JSON text: the engine canonicalizes every stored event when it
 * seals and verifies the history, straight from the trees it reads, and a detour through text
 * halves that rate. Two choices where RFC 8785 leaves the input's domain (I-JSON): an integer
 * beyond ±2^53, or a decimal that is no double, is written with its exact digits instead of being
 * rounded to a double (so that two different stored values never share a leaf); binary values are
 * written as their base64 text, as Jackson writes them.
 */
public final class CanonicalJson {

  private static final long EXACT_INTEGER = 1L << 53;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CanonicalJson() {}

  /** The canonical UTF-8 bytes of {@code value}. */
  public static byte[] bytes(JsonNode value) {
    return bytesWithout(value, null);
  }

  /** The canonical bytes of an object without its top-level property {@code left} (if any). */
  static byte[] bytesWithout(JsonNode value, String left) {
    StringBuilder text = new StringBuilder(512);
    write(value, left, text);
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The canonical text of {@code value}. */
  public static String text(JsonNode value) {
    StringBuilder text = new StringBuilder(512);
    write(value, null, text);
    return text.toString();
  }

  private static void write(JsonNode node, String left, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<String> names = new ArrayList<>(node.size());
        Iterator<String> fields = node.fieldNames();
        while (fields.hasNext()) {
          String name = fields.next();
          if (!name.equals(left)) {
            names.add(name);
          }
        }
        names.sort(null); // String order is the order of UTF-16 code units, as RFC 8785 wants
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          string(names.get(i), out);
          out.append(':');
          write(node.get(names.get(i)), null, out);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), null, out);
        }
        out.append(']');
      }
      case STRING -> string(node.textValue(), out);
      case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
      case NULL, MISSING -> out.append("null");
      case NUMBER -> number(node, out);
      case BINARY -> {
        try {
          string(Base64.getEncoder().encodeToString(node.binaryValue()), out);
        } catch (java.io.IOException e) {
          throw new IllegalArgumentException("A binary value without bytes", e);
        }
      }
      default -> string(node.asText(), out);
    }
  }

  private static void string(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || loneSurrogate(value, i)) {
            out.append("\\u")
                .append(HEX[(c >> 12) & 0xF])
                .append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** A surrogate without its pair has no UTF-8 form; it is escaped, as ECMAScript 2019 does. */
  private static boolean loneSurrogate(String value, int i) {
    char c = value.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
    }
    return false;
  }

  private static void number(JsonNode node, StringBuilder out) {
    if (node.isInt() || node.isShort() || node.isLong()) {
      long v = node.longValue();
      out.append(v); // exact: within ±2^53 it is ECMAScript's form, beyond it our exact choice
      return;
    }
    if (node.isBigInteger()) {
      BigInteger v = node.bigIntegerValue();
      if (v.abs().compareTo(BigInteger.valueOf(EXACT_INTEGER)) <= 0) {
        out.append(v.longValue());
      } else {
        out.append(v);
      }
      return;
    }
    if (node.isBigDecimal()) {
      BigDecimal v = node.decimalValue();
      double d = v.doubleValue();
      if (Double.isFinite(d) && new BigDecimal(d).compareTo(v) == 0) {
        out.append(ecmaScript(d));
      } else {
        out.append(v.stripTrailingZeros().toString());
      }
      return;
    }
    out.append(ecmaScript(node.doubleValue()));
  }

  /** ECMAScript's Number::toString of a double (RFC 8785 section 3.2.2.3). */
  static String ecmaScript(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("JSON has no NaN or infinity");
    }
    if (value == 0) {
      return "0"; // minus zero too
    }
    // the fewest significant digits that read back as the same double, the nearest of them
    BigDecimal exact = new BigDecimal(value);
    BigDecimal shortest = exact;
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == value) {
        shortest = rounded;
        break;
      }
    }
    shortest = shortest.stripTrailingZeros();
    String digits = shortest.unscaledValue().abs().toString();
    int k = digits.length();
    int n = k - shortest.scale(); // value = 0.digits × 10^n
    StringBuilder out = new StringBuilder(24);
    if (value < 0) {
      out.append('-');
    }
    if (k <= n && n <= 21) {
      out.append(digits);
      out.append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      int e = n - 1;
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
    return out.toString();
  }
}
