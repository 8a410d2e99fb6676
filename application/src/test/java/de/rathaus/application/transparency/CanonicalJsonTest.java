package de.rathaus.application.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.erdtman.jcs.JsonCanonicalizer;
import org.erdtman.jcs.NumberToJSON;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** RFC 8785 appendix B: IEEE 754 bit patterns and their canonical text. */
  private static final String[][] NUMBERS = {
    {"0000000000000000", "0"},
    {"8000000000000000", "0"},
    {"0000000000000001", "5e-324"},
    {"8000000000000001", "-5e-324"},
    {"7fefffffffffffff", "1.7976931348623157e+308"},
    {"ffefffffffffffff", "-1.7976931348623157e+308"},
    {"4340000000000000", "9007199254740992"},
    {"c340000000000000", "-9007199254740992"},
    {"4430000000000000", "295147905179352830000"},
    {"44b52d02c7e14af5", "9.999999999999997e+22"},
    {"44b52d02c7e14af6", "1e+23"},
    {"44b52d02c7e14af7", "1.0000000000000001e+23"},
    {"444b1ae4d6e2ef4e", "999999999999999700000"},
    {"444b1ae4d6e2ef4f", "999999999999999900000"},
    {"444b1ae4d6e2ef50", "1e+21"},
    {"3eb0c6f7a0b5ed8c", "9.999999999999997e-7"},
    {"3eb0c6f7a0b5ed8d", "0.000001"},
    {"41b3de4355555553", "333333333.3333332"},
    {"41b3de4355555554", "333333333.33333325"},
    {"41b3de4355555555", "333333333.3333333"},
    {"41b3de4355555556", "333333333.3333334"},
    {"41b3de4355555557", "333333333.33333343"},
    {"becbf647612f3696", "-0.0000033333333333333333"},
    {"43143ff3c1cb0959", "1424953923781206.2"}
  };

  @Test
  void numbersAreWrittenAsRfc8785sAppendixSays() {
    for (String[] number : NUMBERS) {
      double value = Double.longBitsToDouble(Long.parseUnsignedLong(number[0], 16));
      assertThat(CanonicalJson.ecmaScript(value)).as(number[0]).isEqualTo(number[1]);
    }
  }

  @Test
  void randomDoublesAreWrittenAsTheReferenceImplementationWritesThem() throws Exception {
    Random random = new Random(8785);
    for (int i = 0; i < 20_000; i++) {
      double value =
          switch (i % 3) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
            default -> 49 + random.nextDouble(); // a latitude
          };
      if (!Double.isFinite(value)) {
        continue;
      }
      assertThat(CanonicalJson.ecmaScript(value))
          .as("%s", Double.doubleToRawLongBits(value))
          .isEqualTo(NumberToJSON.serializeNumber(value));
    }
  }

  @Test
  void theRfcsSampleObjectIsCanonicalizedAsTheRfcShows() throws Exception {
    String input =
        "{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],"
            + " \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\","
            + " \"literals\": [null, true, false]}";
    String expected =
        "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
    JsonNode tree = JSON.readTree(input);
    assertThat(new String(CanonicalJson.bytes(tree), StandardCharsets.UTF_8)).isEqualTo(expected);
  }

  @Test
  void propertiesAreSortedByTheirUtf16CodeUnits() throws Exception {
    String input =
        "{\"\\u20ac\": \"Euro Sign\", \"\\r\": \"Carriage Return\", \"\\ufb33\": \"Hebrew Letter"
            + " Dalet With Dagesh\", \"1\": \"One\", \"\\ud83d\\ude00\": \"Emoji: Grinning Face\","
            + " \"\\u0080\": \"Control\", \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"}";
    JsonNode tree = JSON.readTree(input);
    assertThat(CanonicalJson.bytes(tree)).isEqualTo(new JsonCanonicalizer(input).getEncodedUTF8());
    assertThat(CanonicalJson.text(tree))
        .startsWith("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\"");
  }

  @Test
  void randomTreesAreCanonicalizedAsTheReferenceImplementationDoes() throws Exception {
    Random random = new Random(4);
    for (int i = 0; i < 500; i++) {
      JsonNode tree = NODES.objectNode().set("value", randomValue(random, 0));
      String text = JSON.writeValueAsString(tree);
      assertThat(new String(CanonicalJson.bytes(tree), StandardCharsets.UTF_8))
          .as(text)
          .isEqualTo(new JsonCanonicalizer(text).getEncodedString());
    }
  }

  @Test
  void integersBeyondTwoToTheFiftyThreeKeepTheirExactDigits() {
    ObjectNode a = NODES.objectNode().put("n", 9007199254740993L);
    ObjectNode b = NODES.objectNode().put("n", 9007199254740992L);
    assertThat(CanonicalJson.text(a)).isEqualTo("{\"n\":9007199254740993}");
    assertThat(CanonicalJson.bytes(a)).isNotEqualTo(CanonicalJson.bytes(b));
    assertThat(CanonicalJson.text(NODES.objectNode().put("d", new BigDecimal("0.1000"))))
        .isEqualTo("{\"d\":0.1}");
  }

  @Test
  void notANumberHasNoCanonicalForm() {
    assertThatThrownBy(() -> CanonicalJson.bytes(NODES.numberNode(Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLoneSurrogateIsEscapedSoThatTwoDifferentStringsNeverShareAForm() {
    String lone = CanonicalJson.text(NODES.textNode("a\ud800b"));
    String other = CanonicalJson.text(NODES.textNode("a?b"));
    assertThat(lone).isEqualTo("\"a\\ud800b\"");
    assertThat(lone).isNotEqualTo(other);
  }

  private static JsonNode randomValue(Random random, int depth) {
    int kind = depth > 3 ? 2 + random.nextInt(4) : random.nextInt(6);
    switch (kind) {
      case 0 -> {
        ObjectNode object = NODES.objectNode();
        int fields = random.nextInt(5);
        for (int f = 0; f < fields; f++) {
          object.set(randomString(random), randomValue(random, depth + 1));
        }
        return object;
      }
      case 1 -> {
        ArrayNode array = NODES.arrayNode();
        int items = random.nextInt(4);
        for (int f = 0; f < items; f++) {
          array.add(randomValue(random, depth + 1));
        }
        return array;
      }
      case 2 -> {
        return NODES.textNode(randomString(random));
      }
      case 3 -> {
        return NODES.numberNode(random.nextInt(2_000_000) - 1_000_000);
      }
      case 4 -> {
        return NODES.numberNode(
            (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(30) - 10));
      }
      default -> {
        return random.nextBoolean() ? NODES.booleanNode(random.nextBoolean()) : NODES.nullNode();
      }
    }
  }

  private static String randomString(Random random) {
    String alphabet = "aZ9 \"\\\n\t\u0001\u007f\u00e4\u00df\u20ac\ud83d\ude00/<";
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(8);
    for (int i = 0; i < length; i++) {
      int at = random.nextInt(alphabet.length());
      char c = alphabet.charAt(at);
      if (Character.isHighSurrogate(c)) {
        s.append(c).append(alphabet.charAt(at + 1));
      } else if (!Character.isLowSurrogate(c)) {
        s.append(c);
      }
    }
    return s.toString();
  }
}
