package de.rathaus.api.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Writes GeoReport v2 answers. Each answer is made once, as the JSON the standard's conventions ask
 * for (snake_case names, lists at the top level, {@code null} for what is not known), and written
 * as that JSON or as the standard's XML by Jackson's XML module: a list becomes an element of its
 * name holding one element per item, named as the specification names it ({@code services} → {@code
 * service}, {@code service_requests} → {@code request}, {@code errors} → {@code error}, …), and
 * {@code null} an empty element.
 *
 * <p>XML is written here rather than by a message converter on purpose: a converter would offer XML
 * to every resource of the API (whose contract is JSON), so the engine keeps it out of Spring MVC
 * ({@link Open311Configuration}) and only this adapter speaks it.
 */
final class Open311Answers {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The element of each item of a list, by the list's name (GeoReport v2's XML). */
  static final Map<String, String> ITEMS =
      Map.of(
          "services", "service",
          "attributes", "attribute",
          "values", "value",
          "service_requests", "request",
          "errors", "error",
          "endpoints", "endpoint",
          "formats", "format");

  private final ObjectMapper json;
  private final XmlMapper xml;

  Open311Answers(ObjectMapper json) {
    this.json =
        json.copy()
            .setDefaultPropertyInclusion(
                com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS);
    // characters XML 1.0 cannot hold (control characters a citizen typed into a published
    // description) are written as U+FFFD rather than failing the answer
    javax.xml.stream.XMLOutputFactory output = javax.xml.stream.XMLOutputFactory.newFactory();
    output.setProperty(
        com.ctc.wstx.api.WstxOutputProperties.P_OUTPUT_INVALID_CHAR_HANDLER,
        new com.ctc.wstx.api.InvalidCharHandler.ReplacingHandler('\uFFFD'));
    this.xml =
        XmlMapper.builder(
                com.fasterxml.jackson.dataformat.xml.XmlFactory.builder()
                    .xmlOutputFactory(output)
                    .build())
            .enable(ToXmlGenerator.Feature.WRITE_XML_DECLARATION)
            .build();
  }

  /**
   * An answer: a list ({@code root} names it in XML, such as {@code services}) or an object ({@code
   * root} is its element, such as {@code service_definition}).
   */
  ResponseEntity<byte[]> answer(
      HttpStatusCode status, Open311Format format, String root, JsonNode body) {
    return ResponseEntity.status(status)
        .contentType(contentType(format))
        .body(bytes(format, root, body));
  }

  static MediaType contentType(Open311Format format) {
    return new MediaType(format.mediaType, StandardCharsets.UTF_8);
  }

  byte[] bytes(Open311Format format, String root, JsonNode body) {
    try {
      if (format == Open311Format.JSON) {
        return json.writeValueAsBytes(body);
      }
      ObjectNode element =
          body.isArray() ? list(root, (ArrayNode) body) : forXml((ObjectNode) body);
      return xml.writer().withRootName(root).writeValueAsBytes(element);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An Open311 answer could not be written", e);
    }
  }

  /** The list {@code name} as XML sees it: an element holding one element per item. */
  private static ObjectNode list(String name, ArrayNode items) {
    ObjectNode wrapper = NODES.objectNode();
    ArrayNode converted = NODES.arrayNode();
    for (JsonNode item : items) {
      converted.add(item.isObject() ? forXml((ObjectNode) item) : item);
    }
    wrapper.set(ITEMS.getOrDefault(name, "item"), converted);
    return wrapper;
  }

  private static ObjectNode forXml(ObjectNode object) {
    ObjectNode converted = NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      if (value.isArray()) {
        converted.set(field.getKey(), list(field.getKey(), (ArrayNode) value));
      } else if (value.isObject()) {
        converted.set(field.getKey(), forXml((ObjectNode) value));
      } else {
        converted.set(field.getKey(), value);
      }
    }
    return converted;
  }
}
