package de.rathaus.application.transparency;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

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
    Utf8 out = Utf8.take();
    try {
      write(value, left, out);
      return Arrays.copyOf(out.bytes, out.length);
    } finally {
      out.give();
    }
  }

  /** The canonical text of {@code value}. */
  public static String text(JsonNode value) {
    return new String(bytes(value), StandardCharsets.UTF_8);
  }

  /**
   * The UTF-8 output, written straight from the tree's strings (the canonical form is valid UTF-8:
   * a lone surrogate is escaped), one reusable buffer per thread: the engine canonicalizes every
   * stored event when it seals and verifies, and a text and its encoding would copy every event
   * twice more.
   */
  private static final class Utf8 {
    private static final int KEPT = 1 << 16;
    private static final ThreadLocal<Utf8> OWN = ThreadLocal.withInitial(Utf8::new);

    byte[] bytes = new byte[4096];
    int length;
    private boolean inUse;

    static Utf8 take() {
      Utf8 own = OWN.get();
      if (own.inUse) {
        return new Utf8(); // not expected: canonicalization never calls itself
      }
      own.inUse = true;
      own.length = 0;
      return own;
    }

    void give() {
      inUse = false;
      if (bytes.length > KEPT) {
        bytes = new byte[4096]; // a rare large value does not stay in memory
      }
    }

    void room(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      }
    }

    void put(char c) {
      room(1);
      bytes[length++] = (byte) c;
    }

    void ascii(String text) {
      room(text.length());
      for (int i = 0; i < text.length(); i++) {
        bytes[length++] = (byte) text.charAt(i);
      }
    }
  }

  private static void write(JsonNode node, String left, Utf8 out) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<Map.Entry<String, JsonNode>> properties = new ArrayList<>(node.size());
        for (Map.Entry<String, JsonNode> property : node.properties()) {
          if (!property.getKey().equals(left)) {
            properties.add(property);
          }
        }
        // String order is the order of UTF-16 code units, as RFC 8785 wants
        properties.sort(Map.Entry.comparingByKey());
        out.put('{');
        for (int i = 0; i < properties.size(); i++) {
          if (i > 0) {
            out.put(',');
          }
          string(properties.get(i).getKey(), out);
          out.put(':');
          write(properties.get(i).getValue(), null, out);
        }
        out.put('}');
      }
      case ARRAY -> {
        out.put('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.put(',');
          }
          write(node.get(i), null, out);
        }
        out.put(']');
      }
      case STRING -> string(node.textValue(), out);
      case BOOLEAN -> out.ascii(node.booleanValue() ? "true" : "false");
      case NULL, MISSING -> out.ascii("null");
      case NUMBER -> out.ascii(number(node));
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

  private static void string(String value, Utf8 out) {
    int n = value.length();
    out.room(6 * n + 2); // the most a UTF-16 code unit takes: a six-byte escape
    byte[] b = out.bytes;
    int at = out.length;
    b[at++] = '"';
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x80) {
        if (c == '"' || c == '\\') {
          b[at++] = '\\';
        }
        b[at++] = (byte) c;
        continue;
      }
      switch (c) {
        case '\b' -> at = escape(b, at, 'b');
        case '\f' -> at = escape(b, at, 'f');
        case '\n' -> at = escape(b, at, 'n');
        case '\r' -> at = escape(b, at, 'r');
        case '\t' -> at = escape(b, at, 't');
        default -> {
          if (c < 0x20 || loneSurrogate(value, i)) {
            b[at++] = '\\';
            b[at++] = 'u';
            b[at++] = (byte) HEX[(c >> 12) & 0xF];
            b[at++] = (byte) HEX[(c >> 8) & 0xF];
            b[at++] = (byte) HEX[(c >> 4) & 0xF];
            b[at++] = (byte) HEX[c & 0xF];
          } else if (c < 0x800) {
            b[at++] = (byte) (0xC0 | (c >> 6));
            b[at++] = (byte) (0x80 | (c & 0x3F));
          } else if (Character.isHighSurrogate(c)) {
            int code = Character.toCodePoint(c, value.charAt(++i)); // paired: not lone
            b[at++] = (byte) (0xF0 | (code >> 18));
            b[at++] = (byte) (0x80 | ((code >> 12) & 0x3F));
            b[at++] = (byte) (0x80 | ((code >> 6) & 0x3F));
            b[at++] = (byte) (0x80 | (code & 0x3F));
          } else {
            b[at++] = (byte) (0xE0 | (c >> 12));
            b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            b[at++] = (byte) (0x80 | (c & 0x3F));
          }
        }
      }
    }
    b[at++] = '"';
    out.length = at;
  }

  private static int escape(byte[] b, int at, char c) {
    b[at] = '\\';
    b[at + 1] = (byte) c;
    return at + 2;
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

  private static String number(JsonNode node) {
    if (node.isInt() || node.isShort() || node.isLong()) {
      // exact: within ±2^53 it is ECMAScript's form, beyond it our exact choice
      return Long.toString(node.longValue());
    }
    if (node.isBigInteger()) {
      BigInteger v = node.bigIntegerValue();
      if (v.abs().compareTo(BigInteger.valueOf(EXACT_INTEGER)) <= 0) {
        return Long.toString(v.longValue());
      }
      return v.toString();
    }
    if (node.isBigDecimal()) {
      BigDecimal v = node.decimalValue();
      double d = v.doubleValue();
      if (Double.isFinite(d) && new BigDecimal(d).compareTo(v) == 0) {
        return ecmaScript(d);
      }
      return v.stripTrailingZeros().toString();
    }
    return ecmaScript(node.doubleValue());
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
