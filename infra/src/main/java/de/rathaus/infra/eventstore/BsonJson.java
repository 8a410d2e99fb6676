package de.rathaus.infra.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

/**
 * Converts between Jackson trees and BSON values, so that payloads and metadata are stored as BSON
 * documents that auditors can query, and read back without a detour through JSON text.
 */
final class BsonJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private BsonJson() {}

  static BsonValue toBson(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT:
        BsonDocument document = new BsonDocument();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          document.append(field.getKey(), toBson(field.getValue()));
        }
        return document;
      case ARRAY:
        BsonArray array = new BsonArray(node.size());
        for (JsonNode element : node) {
          array.add(toBson(element));
        }
        return array;
      case STRING:
        return new BsonString(node.textValue());
      case BOOLEAN:
        return BsonBoolean.valueOf(node.booleanValue());
      case NUMBER:
        return number(node);
      case BINARY:
        try {
          return new BsonBinary(node.binaryValue());
        } catch (java.io.IOException e) {
          throw new IllegalStateException("binary node without binary value", e);
        }
      case NULL:
      case MISSING:
        return BsonNull.VALUE;
      default:
        // POJO nodes only appear when a caller puts raw objects into a tree; store their text.
        return new BsonString(node.asText());
    }
  }

  private static BsonValue number(JsonNode node) {
    if (node.isInt() || node.isShort()) {
      return new BsonInt32(node.intValue());
    }
    if (node.isLong()) {
      return new BsonInt64(node.longValue());
    }
    if (node.isBigInteger()) {
      return node.canConvertToLong()
          ? new BsonInt64(node.longValue())
          : new BsonDecimal128(new Decimal128(new BigDecimal(node.bigIntegerValue())));
    }
    if (node.isBigDecimal()) {
      try {
        return new BsonDecimal128(new Decimal128(node.decimalValue()));
      } catch (NumberFormatException outOfRange) {
        return new BsonString(node.decimalValue().toPlainString());
      }
    }
    return new BsonDouble(node.doubleValue());
  }

  static JsonNode toJson(BsonValue value) {
    switch (value.getBsonType()) {
      case DOCUMENT:
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<String, BsonValue> field : value.asDocument().entrySet()) {
          object.set(field.getKey(), toJson(field.getValue()));
        }
        return object;
      case ARRAY:
        ArrayNode array = NODES.arrayNode();
        for (BsonValue element : value.asArray()) {
          array.add(toJson(element));
        }
        return array;
      case STRING:
        return NODES.textNode(value.asString().getValue());
      case BOOLEAN:
        return NODES.booleanNode(value.asBoolean().getValue());
      case INT32:
        return NODES.numberNode(value.asInt32().getValue());
      case INT64:
        return NODES.numberNode(value.asInt64().getValue());
      case DOUBLE:
        return NODES.numberNode(value.asDouble().getValue());
      case DECIMAL128:
        return NODES.numberNode(value.asDecimal128().getValue().bigDecimalValue());
      case BINARY:
        return NODES.binaryNode(value.asBinary().getData());
      case DATE_TIME:
        return NODES.numberNode(value.asDateTime().getValue());
      case OBJECT_ID:
        return NODES.textNode(value.asObjectId().getValue().toHexString());
      case NULL:
      case UNDEFINED:
        return NODES.nullNode();
      default:
        return NODES.textNode(value.toString());
    }
  }
}
