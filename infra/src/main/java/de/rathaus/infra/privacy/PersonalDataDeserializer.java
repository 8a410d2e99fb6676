package de.rathaus.infra.privacy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import de.rathaus.application.privacy.PersonalDataUnreadable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@code @PersonalData} value: an envelope is decrypted, bound to the path where it is
 * found and to the subject of the record around it ({@link SubjectBinding}), and its JSON text read
 * as the declared type; a value whose key is destroyed reads as {@link PersonalDataModule#ERASED}
 * for text (for each value of a map) and as {@code null} (the type's empty value) otherwise; a
 * value that is not an envelope, written without a subject (a placeholder, {@code null}), is read
 * as it is. An envelope that does not belong where it is found is an error ({@link
 * PersonalDataUnreadable}), never a placeholder.
 */
final class PersonalDataDeserializer extends StdDeserializer<Object>
    implements ContextualDeserializer {

  private static final JsonFactory PLAIN = new JsonFactory();

  private final FieldCipher cipher;
  private final JavaType type;
  private final JsonDeserializer<Object> delegate;
  private final boolean map;
  private final JsonNode erasedItem;

  PersonalDataDeserializer(FieldCipher cipher) {
    this(cipher, null, null, false, null);
  }

  private PersonalDataDeserializer(
      FieldCipher cipher,
      JavaType type,
      JsonDeserializer<Object> delegate,
      boolean map,
      JsonNode erasedItem) {
    super(type == null ? Object.class : type.getRawClass());
    this.cipher = cipher;
    this.type = type;
    this.delegate = delegate;
    this.map = map;
    this.erasedItem = erasedItem;
  }

  @Override
  public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
      throws JsonMappingException {
    if (property == null) {
      return this;
    }
    JavaType declared = property.getType();
    JsonDeserializer<Object> delegate = context.findContextualValueDeserializer(declared, property);
    boolean map = declared.isMapLikeType() && Map.class.isAssignableFrom(declared.getRawClass());
    JsonNode erasedItem = null;
    if (map) {
      erasedItem =
          declared.getContentType().getRawClass().isAssignableFrom(String.class)
              ? TextNode.valueOf(PersonalDataModule.ERASED)
              : JsonNodeFactory.instance.nullNode();
    }
    return new PersonalDataDeserializer(cipher, declared, delegate, map, erasedItem);
  }

  @Override
  public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (delegate == null) {
      return context.readTree(parser);
    }
    if (!map && parser.hasToken(JsonToken.VALUE_EMBEDDED_OBJECT)) {
      Object embedded = parser.getEmbeddedObject();
      if (embedded instanceof byte[] bytes) {
        return read(FieldCipher.Sealed.of(bytes), FieldPaths.of(parser), parser, context);
      }
    }
    if (!parser.hasToken(JsonToken.START_OBJECT)) {
      return delegate.deserialize(parser, context);
    }
    String pointer = FieldPaths.of(parser);
    JsonNode node = context.readTree(parser);
    if (map) {
      ObjectNode plain = context.getNodeFactory().objectNode();
      boolean decrypted = false;
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode item =
            openItem(field.getValue(), FieldPaths.item(pointer, field.getKey()), parser, context);
        decrypted |= item != field.getValue();
        plain.set(field.getKey(), item);
      }
      try {
        return fromTree(plain, parser, context);
      } catch (JsonProcessingException e) {
        throw decrypted ? unreadable(parser) : e;
      }
    }
    Optional<FieldCipher.Sealed> sealed = sealedIn(node);
    if (sealed.isEmpty()) {
      return fromTree(node, parser, context);
    }
    return read(sealed.get(), pointer, parser, context);
  }

  /** The value of an envelope found at {@code pointer}, or what an erased one reads as. */
  private Object read(
      FieldCipher.Sealed sealed, String pointer, JsonParser parser, DeserializationContext context)
      throws IOException {
    Optional<byte[]> text = open(sealed, pointer, context);
    if (text.isEmpty()) {
      return type.getRawClass().isAssignableFrom(String.class)
          ? PersonalDataModule.ERASED
          : delegate.getNullValue(context);
    }
    if (sealed.string()) {
      String clear = new String(text.get(), StandardCharsets.UTF_8);
      if (type.getRawClass() == String.class) {
        return clear;
      }
      try {
        return fromTree(TextNode.valueOf(clear), parser, context);
      } catch (JsonProcessingException e) {
        throw unreadable(parser);
      }
    }
    try (JsonParser clear = PLAIN.createParser(text.get())) {
      clear.setCodec(parser.getCodec());
      JsonToken first = clear.nextToken();
      return first == JsonToken.VALUE_NULL
          ? delegate.getNullValue(context)
          : delegate.deserialize(clear, context);
    } catch (JsonProcessingException e) {
      throw unreadable(parser);
    }
  }

  /** Jackson's messages quote the offending value; a decrypted value must not reach a log. */
  private JsonMappingException unreadable(JsonParser parser) {
    return JsonMappingException.from(
        parser, "A decrypted personal value is not a " + type.getRawClass().getSimpleName());
  }

  @Override
  public Object getNullValue(DeserializationContext context) throws JsonMappingException {
    return delegate == null ? null : delegate.getNullValue(context);
  }

  /**
   * Opens an envelope found at {@code pointer} inside the innermost record that names a subject.
   */
  private Optional<byte[]> open(
      FieldCipher.Sealed sealed, String pointer, DeserializationContext context) {
    SubjectBinding.Frame frame = SubjectBinding.Frame.current(context);
    if (frame == null) {
      throw new PersonalDataUnreadable(PersonalDataUnreadable.Problem.NO_SUBJECT);
    }
    frame.saw(sealed.subject());
    return cipher.open(sealed, frame.pathOf(pointer));
  }

  private JsonNode openItem(
      JsonNode item, String pointer, JsonParser parser, DeserializationContext context)
      throws IOException {
    Optional<FieldCipher.Sealed> sealed = sealedIn(item);
    if (sealed.isEmpty()) {
      return item;
    }
    Optional<byte[]> text = open(sealed.get(), pointer, context);
    if (text.isEmpty()) {
      return erasedItem;
    }
    if (sealed.get().string()) {
      return TextNode.valueOf(new String(text.get(), StandardCharsets.UTF_8));
    }
    try (JsonParser clear = PLAIN.createParser(text.get())) {
      clear.setCodec(parser.getCodec());
      clear.nextToken();
      return context.readTree(clear);
    } catch (JsonProcessingException e) {
      throw unreadable(parser);
    }
  }

  private Object fromTree(JsonNode node, JsonParser parser, DeserializationContext context)
      throws IOException {
    try (JsonParser tree = node.traverse(parser.getCodec())) {
      JsonToken first = tree.nextToken();
      return first == JsonToken.VALUE_NULL
          ? delegate.getNullValue(context)
          : delegate.deserialize(tree, context);
    }
  }

  /**
   * The sealed value of an envelope node (binary, or an object holding the text), or empty if the
   * node is not an envelope.
   *
   * @throws PersonalDataUnreadable for an envelope of an old or unknown format
   */
  static Optional<FieldCipher.Sealed> sealedIn(JsonNode node) {
    if (node != null && node.isBinary()) {
      return Optional.of(FieldCipher.Sealed.of(((BinaryNode) node).binaryValue()));
    }
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    JsonNode envelope = node.get(PersonalDataModule.ENVELOPE_FIELD);
    if (envelope == null) {
      return Optional.empty();
    }
    if (node.size() != 1 || !envelope.isTextual()) {
      throw new PersonalDataUnreadable(PersonalDataUnreadable.Problem.DAMAGED);
    }
    return Optional.of(FieldCipher.Sealed.parse(envelope.textValue()));
  }
}
