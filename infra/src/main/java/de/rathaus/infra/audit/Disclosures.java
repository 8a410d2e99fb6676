package de.rathaus.infra.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import de.rathaus.application.audit.AuditEvent;
import de.rathaus.application.audit.Disclosure;
import de.rathaus.infra.privacy.PersonalDataModule;
import java.util.Iterator;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a stored payload as a reader of the audit trail may see it. Masked: every envelope of a
 * personal value (binary, or {@code {"$pd": "v2...."}} as text; see {@link PersonalDataModule}) is
 * replaced by {@value AuditEvent#PERSONAL}, by the stored shape alone, never decrypting. Decrypted:
 * the payload is read as its event type with the protecting mapper (which decrypts, and reads
 * erased text as {@code [erased]}) and written again with the plain one; a payload that cannot be
 * read so (a type no longer known, a key missing without a recorded erasure) is shown masked, and
 * that is logged without any value.
 */
final class Disclosures {

  private static final Logger log = LoggerFactory.getLogger(Disclosures.class);

  private final ObjectMapper protecting;
  private final ObjectMapper plain;

  Disclosures(ObjectMapper protecting, ObjectMapper plain) {
    this.protecting = protecting;
    this.plain = plain;
  }

  /** The payload as a JSON tree of maps, lists and values. */
  Object payload(JsonNode stored, String payloadType, long position, Disclosure disclosure) {
    JsonNode shown =
        disclosure == Disclosure.DECRYPTED
            ? decrypted(stored, payloadType, position)
            : masked(stored);
    return plain.convertValue(shown, Object.class);
  }

  private JsonNode decrypted(JsonNode stored, String payloadType, long position) {
    if (stored == null || !containsEnvelope(stored)) {
      return stored;
    }
    try {
      Class<?> type = Class.forName(payloadType, false, getClass().getClassLoader());
      return plain.valueToTree(protecting.treeToValue(stored, type));
    } catch (ClassNotFoundException | RuntimeException | java.io.IOException e) {
      log.warn(
          "The personal values of the event at position {} cannot be shown decrypted ({}); shown"
              + " masked",
          position,
          e.getClass().getSimpleName());
      return masked(stored);
    }
  }

  /** A copy of {@code stored} with every envelope replaced by the mask. */
  static JsonNode masked(JsonNode stored) {
    if (stored == null) {
      return null;
    }
    if (isEnvelope(stored)) {
      return TextNode.valueOf(AuditEvent.PERSONAL);
    }
    if (stored.isObject()) {
      ObjectNode copy = ((ObjectNode) stored).objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = stored.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        copy.set(field.getKey(), masked(field.getValue()));
      }
      return copy;
    }
    if (stored.isArray()) {
      ArrayNode copy = ((ArrayNode) stored).arrayNode();
      for (JsonNode item : stored) {
        copy.add(masked(item));
      }
      return copy;
    }
    return stored;
  }

  /** A binary value (envelopes are the only binary values of a payload) or a text envelope. */
  static boolean isEnvelope(JsonNode node) {
    return node.isBinary()
        || node.isObject()
            && node.size() == 1
            && node.has(PersonalDataModule.ENVELOPE_FIELD)
            && node.get(PersonalDataModule.ENVELOPE_FIELD).isTextual();
  }

  private static boolean containsEnvelope(JsonNode node) {
    if (isEnvelope(node)) {
      return true;
    }
    for (JsonNode child : node) {
      if (containsEnvelope(child)) {
        return true;
      }
    }
    return false;
  }
}
