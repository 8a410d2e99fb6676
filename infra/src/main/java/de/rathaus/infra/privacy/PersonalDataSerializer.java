package de.rathaus.infra.privacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * Writes a {@code @PersonalData} value as an envelope ({@link PersonalDataModule}) under the key of
 * its data subject: a map as a map of envelopes (keys stay readable), anything else as one envelope
 * of its JSON text. Without a subject, inside an envelope of an enclosing value, and as the
 * placeholder of erased text, the value is written as it is.
 */
final class PersonalDataSerializer extends StdSerializer<Object> implements ContextualSerializer {

  private static final JsonFactory PLAIN = new JsonFactory();

  private final FieldCipher cipher;
  private final BeanProperty property;
  private final JavaType type;
  private final JsonSerializer<Object> valueSerializer;
  private final boolean map;
  private final JsonSerializer<Object> keySerializer;
  private final boolean skipNullValues;

  PersonalDataSerializer(FieldCipher cipher) {
    this(cipher, null, null, null, false, null, false);
  }

  private PersonalDataSerializer(
      FieldCipher cipher,
      BeanProperty property,
      JavaType type,
      JsonSerializer<Object> valueSerializer,
      boolean map,
      JsonSerializer<Object> keySerializer,
      boolean skipNullValues) {
    super(Object.class);
    this.cipher = cipher;
    this.property = property;
    this.type = type;
    this.valueSerializer = valueSerializer;
    this.map = map;
    this.keySerializer = keySerializer;
    this.skipNullValues = skipNullValues;
  }

  @Override
  public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
      throws JsonMappingException {
    if (property == null) {
      return this;
    }
    JavaType declared = property.getType();
    if (declared.isMapLikeType() && Map.class.isAssignableFrom(declared.getRawClass())) {
      JsonInclude.Value inclusion =
          provider
              .getConfig()
              .getDefaultPropertyInclusion(declared.getRawClass())
              .withOverrides(property.findPropertyInclusion(provider.getConfig(), Map.class));
      JsonInclude.Include content = inclusion.getContentInclusion();
      return new PersonalDataSerializer(
          cipher,
          property,
          declared,
          null,
          true,
          provider.findKeySerializer(declared.getKeyType(), property),
          content != JsonInclude.Include.ALWAYS && content != JsonInclude.Include.USE_DEFAULTS);
    }
    return new PersonalDataSerializer(
        cipher,
        property,
        declared,
        provider.findValueSerializer(declared, property),
        false,
        null,
        false);
  }

  @Override
  public boolean isEmpty(SerializerProvider provider, Object value) {
    return value == null
        || (value instanceof CharSequence text && text.length() == 0)
        || (value instanceof Map<?, ?> m && m.isEmpty())
        || (value instanceof Collection<?> c && c.isEmpty());
  }

  @Override
  public void serialize(Object value, JsonGenerator generator, SerializerProvider provider)
      throws IOException {
    boolean inEnvelope = Subjects.inEnvelope(provider);
    Subjects.Around around = inEnvelope ? null : Subjects.around(generator);
    String subject = around == null ? null : around.subject();
    if (!inEnvelope && subject == null && !onlyPlaceholders(value)) {
      // fail closed: personal data nobody's key protects could never be erased
      throw JsonMappingException.from(
          generator,
          "Personal data without a data subject in "
              + (property == null ? "a value" : property.getName())
              + ": the record (or one around it) needs a @DataSubject with a value");
    }
    String path = subject == null ? null : around.pathOf(generator);
    if (map && value instanceof Map<?, ?> entries) {
      generator.writeStartObject(value);
      for (Map.Entry<?, ?> entry : entries.entrySet()) {
        Object item = entry.getValue();
        if (item == null && skipNullValues) {
          continue;
        }
        keySerializer.serialize(entry.getKey(), generator, provider);
        if (item == null) {
          generator.writeNull();
        } else if (subject == null || PersonalDataModule.ERASED.equals(item)) {
          provider
              .findValueSerializer(item.getClass(), property)
              .serialize(item, generator, provider);
        } else {
          writeEnvelope(
              generator, FieldPaths.item(path, entry.getKey()), item, null, provider, subject);
        }
      }
      generator.writeEndObject();
      return;
    }
    JsonSerializer<Object> serializer = serializerFor(value, provider);
    // a placeholder is no personal data: re-saving a read model after an erasure must not make
    // the citizen a new key
    if (subject == null || PersonalDataModule.ERASED.equals(value)) {
      serializer.serialize(value, generator, provider);
    } else {
      writeEnvelope(generator, path, value, serializer, provider, subject);
    }
  }

  /** Placeholders and nulls are no personal data; they may be written without a subject. */
  private static boolean onlyPlaceholders(Object value) {
    if (value instanceof Map<?, ?> entries) {
      return entries.values().stream()
          .allMatch(item -> item == null || PersonalDataModule.ERASED.equals(item));
    }
    return PersonalDataModule.ERASED.equals(value);
  }

  @Override
  public void serializeWithType(
      Object value, JsonGenerator generator, SerializerProvider provider, TypeSerializer types)
      throws IOException {
    // the envelope carries no type id; a personal value is always read back as its declared type
    serialize(value, generator, provider);
  }

  private JsonSerializer<Object> serializerFor(Object value, SerializerProvider provider)
      throws JsonMappingException {
    if (valueSerializer != null
        && (value.getClass() == type.getRawClass()
            || Modifier.isFinal(type.getRawClass().getModifiers()))) {
      return valueSerializer;
    }
    return provider.findValueSerializer(value.getClass(), property);
  }

  /** The JSON text (UTF-8) of a value, with personal values nested in it written plain. */
  private byte[] jsonText(
      Object value, JsonSerializer<Object> serializer, SerializerProvider provider, String subject)
      throws IOException {
    if (value instanceof String text) {
      byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(text);
      byte[] quoted = new byte[escaped.length + 2];
      quoted[0] = '"';
      System.arraycopy(escaped, 0, quoted, 1, escaped.length);
      quoted[quoted.length - 1] = '"';
      return quoted;
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof Boolean) {
      return value.toString().getBytes(StandardCharsets.US_ASCII);
    }
    JsonSerializer<Object> writer =
        serializer != null ? serializer : provider.findValueSerializer(value.getClass(), property);
    Object before = provider.getAttribute(Subjects.IN_ENVELOPE);
    provider.setAttribute(Subjects.IN_ENVELOPE, subject);
    StringWriter out = new StringWriter();
    try (JsonGenerator plain = PLAIN.createGenerator(out)) {
      writer.serialize(value, plain, provider);
    } finally {
      provider.setAttribute(Subjects.IN_ENVELOPE, before);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A binary envelope where the output holds binary values (a token buffer, from which the event
   * store writes BSON), a text one inside an object of its own where it is JSON text.
   */
  private void writeEnvelope(
      JsonGenerator generator,
      String path,
      Object value,
      JsonSerializer<Object> serializer,
      SerializerProvider provider,
      String subject)
      throws IOException {
    FieldCipher.Sealed sealed;
    if (!generator.canWriteBinaryNatively()) {
      sealed =
          cipher.seal(
              subject,
              path,
              jsonText(value, serializer, provider, subject),
              FieldCipher.Sealed.TEXT);
    } else if (value instanceof String text) {
      sealed =
          cipher.seal(
              subject,
              path,
              text.getBytes(StandardCharsets.UTF_8),
              FieldCipher.Sealed.BINARY_STRING);
    } else {
      sealed =
          cipher.seal(
              subject,
              path,
              jsonText(value, serializer, provider, subject),
              FieldCipher.Sealed.BINARY);
    }
    if (sealed.binary()) {
      generator.writeBinary(sealed.bytes());
      return;
    }
    generator.writeStartObject();
    generator.writeStringField(PersonalDataModule.ENVELOPE_FIELD, sealed.text());
    generator.writeEndObject();
  }
}
