package de.rathaus.api.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The official GeoReport v2 schemas (test resources {@code open311/}, see their NOTE) as the tests
 * use them: a JSON answer validated against its schema, and an XML answer mapped to JSON by the
 * specification's element names and then validated the same way. The mapping knows which elements
 * are lists and what their items are called ({@code services} holds {@code service}s, …) and fails
 * on any other item name; leaf elements become JSON values by the type the schemas give them, and
 * empty ones {@code null}.
 */
final class Open311Schemas {

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

  /** Lists and the element name of their items. */
  static final Map<String, String> LISTS =
      Map.of(
          "services", "service",
          "service_requests", "request",
          "errors", "error",
          "attributes", "attribute",
          "values", "value",
          "endpoints", "endpoint",
          "formats", "format");

  private static final Set<String> BOOLEANS = Set.of("metadata", "variable", "required");
  private static final Set<String> NUMBERS = Set.of("lat", "long");
  private static final Set<String> INTEGERS = Set.of("order", "receipt_position");

  private Open311Schemas() {}

  /** The violations of {@code answer} against the schema file {@code name} (e.g. services.json). */
  static List<String> violations(String name, JsonNode answer) {
    Schema schema = REGISTRY.getSchema(SchemaLocation.of("classpath:open311/" + name));
    return schema.validate(answer).stream().map(Error::toString).toList();
  }

  /** Asserts that {@code answer} keeps to the schema {@code name}. */
  static void valid(String name, JsonNode answer) {
    assertThat(violations(name, answer)).as("%s against %s", answer, name).isEmpty();
  }

  /** An XML answer as JSON, by the specification's element names. */
  static JsonNode fromXml(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Element root =
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
              .getDocumentElement();
      return LISTS.containsKey(root.getTagName()) ? list(root) : object(root);
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + xml, e);
    }
  }

  private static ArrayNode list(Element list) {
    ArrayNode items = JsonNodeFactory.instance.arrayNode();
    String item = LISTS.get(list.getTagName());
    for (Element child : children(list)) {
      assertThat(child.getTagName()).as("an item of <%s>", list.getTagName()).isEqualTo(item);
      items.add(children(child).isEmpty() && !isObjectItem(item) ? leaf(child) : object(child));
    }
    return items;
  }

  private static boolean isObjectItem(String item) {
    return !item.equals("format");
  }

  private static ObjectNode object(Element element) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    for (Element child : children(element)) {
      String name = child.getTagName();
      assertThat(object.has(name))
          .as("<%s> given twice in <%s>", name, element.getTagName())
          .isFalse();
      if (LISTS.containsKey(name)) {
        object.set(name, list(child));
      } else if (!children(child).isEmpty()) {
        object.set(name, object(child));
      } else {
        object.set(name, leaf(child));
      }
    }
    return object;
  }

  private static JsonNode leaf(Element element) {
    String text = element.getTextContent();
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (text.isEmpty()) {
      return nodes.nullNode();
    }
    String name = element.getTagName();
    if (BOOLEANS.contains(name)) {
      assertThat(text).as("<%s>", name).isIn("true", "false");
      return nodes.booleanNode(Boolean.parseBoolean(text));
    }
    if (NUMBERS.contains(name)) {
      return nodes.numberNode(Double.parseDouble(text));
    }
    boolean errorCode =
        name.equals("code")
            && element.getParentNode() instanceof Element parent
            && parent.getTagName().equals("error");
    if (INTEGERS.contains(name) || errorCode) {
      long number = Long.parseLong(text);
      // as Jackson reads the JSON answer: an int where it fits
      return number == (int) number ? nodes.numberNode((int) number) : nodes.numberNode(number);
    }
    return nodes.textNode(text);
  }

  private static List<Element> children(Element element) {
    List<Element> children = new java.util.ArrayList<>();
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child) {
        children.add(child);
      }
    }
    return children;
  }
}
