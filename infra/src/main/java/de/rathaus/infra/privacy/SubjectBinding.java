package de.rathaus.infra.privacy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import de.rathaus.application.privacy.PersonalDataUnreadable;
import java.io.IOException;
import java.util.Objects;

/**
 * Checks on reading that every personal value belongs to the record it is found in: a record that
 * names a data subject opens a <em>frame</em> while it is read; each envelope read inside it (also
 * in records, lists and maps nested in it, up to a nearer record with a subject of its own) notes
 * its subject and learns its path from the frame; once the record is built, a noted subject that is
 * not the record's own is an error ({@link PersonalDataUnreadable.Problem#OTHER_SUBJECT}). The
 * record's subject is known only then, since it may come after the values in the document.
 */
final class SubjectBinding extends BeanDeserializerModifier {

  private static final long serialVersionUID = 1L;

  /** Per-call attribute of the deserialization context: the innermost open frame. */
  private static final Object FRAME = new Object();

  /** The record being read that names the subject of the values in it. */
  static final class Frame {
    private final String path;
    private String subject;
    private boolean mixed;

    private Frame(String path) {
      this.path = path;
    }

    /** The innermost open frame, or {@code null} outside any record that names a subject. */
    static Frame current(DeserializationContext context) {
      return (Frame) context.getAttribute(FRAME);
    }

    /** The path of the value at {@code pointer}, relative to this frame's record. */
    String pathOf(String pointer) {
      return FieldPaths.relative(pointer, path);
    }

    /** Notes the subject an envelope names. */
    void saw(String envelopeSubject) {
      if (subject == null) {
        subject = envelopeSubject;
      } else if (!subject.equals(envelopeSubject)) {
        mixed = true;
      }
    }

    void check(Object bean) {
      if (subject != null && (mixed || !Objects.equals(subject, Subjects.of(bean)))) {
        throw new PersonalDataUnreadable(PersonalDataUnreadable.Problem.OTHER_SUBJECT);
      }
    }
  }

  @Override
  public JsonDeserializer<?> modifyDeserializer(
      DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
    return Subjects.named(description.getBeanClass()) ? new Bound(deserializer) : deserializer;
  }

  /** A record's deserializer that opens a frame around it. */
  private static final class Bound extends DelegatingDeserializer {

    private static final long serialVersionUID = 1L;

    Bound(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new Bound(delegate);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      return within(parser, context, () -> _delegatee.deserialize(parser, context));
    }

    @SuppressWarnings("unchecked")
    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context, Object into)
        throws IOException {
      return within(
          parser,
          context,
          () -> ((JsonDeserializer<Object>) _delegatee).deserialize(parser, context, into));
    }

    @Override
    public Object deserializeWithType(
        JsonParser parser, DeserializationContext context, TypeDeserializer types)
        throws IOException {
      return within(parser, context, () -> _delegatee.deserializeWithType(parser, context, types));
    }

    private interface Read {
      Object read() throws IOException;
    }

    private static Object within(JsonParser parser, DeserializationContext context, Read read)
        throws IOException {
      Object outer = context.getAttribute(FRAME);
      Frame frame = new Frame(FieldPaths.of(parser));
      context.setAttribute(FRAME, frame);
      Object bean;
      try {
        bean = read.read();
      } finally {
        context.setAttribute(FRAME, outer);
      }
      if (bean != null) {
        frame.check(bean);
      }
      return bean;
    }
  }
}
