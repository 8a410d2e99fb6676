package de.rathaus.infra.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;

/**
 * Finds the data subject of a value being written: the {@link DataSubject} of the nearest bean
 * around it. Jackson's generators know the bean each open object belongs to ({@link
 * JsonStreamContext#getCurrentValue()}), so the subject is read from that bean itself, whatever the
 * order of its components, and records nested in it (also in lists and maps) find it by going
 * outwards. A nearer bean with a {@code @DataSubject} of its own wins, also when its subject is
 * {@code null}.
 */
final class Subjects {

  /** Per-call attribute: the subject of an enclosing value that is written into an envelope. */
  static final Object IN_ENVELOPE = new Object();

  private static final Accessor NONE = new Accessor(null);

  private static final ClassValue<Accessor> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Accessor computeValue(Class<?> type) {
          return accessorOf(type);
        }
      };

  private Subjects() {}

  /**
   * The record around a value being written that names its subject.
   *
   * @param subject the subject, {@code null} if the record's subject is {@code null}
   * @param path the JSON pointer of the record in the document being written
   */
  record Around(String subject, String path) {

    /** The path of the value about to be written, relative to this record. */
    String pathOf(JsonGenerator generator) {
      return FieldPaths.relative(FieldPaths.of(generator.getOutputContext()), path);
    }
  }

  /** The record around the value about to be written that names its subject, or {@code null}. */
  static Around around(JsonGenerator generator) {
    for (JsonStreamContext context = generator.getOutputContext();
        context != null;
        context = context.getParent()) {
      Object bean = context.getCurrentValue();
      if (bean != null) {
        Accessor accessor = ACCESSORS.get(bean.getClass());
        if (accessor != NONE) {
          return new Around(accessor.subjectOf(bean), FieldPaths.of(context.getParent()));
        }
      }
    }
    return null;
  }

  /** Whether values of the type name their own data subject. */
  static boolean named(Class<?> type) {
    return ACCESSORS.get(type) != NONE;
  }

  /** The subject a value of a {@linkplain #named(Class) naming} type names, or {@code null}. */
  static String of(Object bean) {
    return ACCESSORS.get(bean.getClass()).subjectOf(bean);
  }

  /** Whether the value is written inside an envelope of an enclosing personal value. */
  static boolean inEnvelope(SerializerProvider provider) {
    return provider.getAttribute(IN_ENVELOPE) != null;
  }

  private static Accessor accessorOf(Class<?> type) {
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        if (component.isAnnotationPresent(DataSubject.class)) {
          return new Accessor(accessible(component.getAccessor()));
        }
      }
      return NONE;
    }
    if (type.isArray() || type.isPrimitive() || type.getName().startsWith("java.")) {
      return NONE;
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())
            && field.isAnnotationPresent(DataSubject.class)) {
          return new Accessor(accessible(field));
        }
      }
      for (Method method : c.getDeclaredMethods()) {
        if (!Modifier.isStatic(method.getModifiers())
            && method.getParameterCount() == 0
            && method.isAnnotationPresent(DataSubject.class)) {
          return new Accessor(accessible(method));
        }
      }
    }
    return NONE;
  }

  private static <T extends AccessibleObject> T accessible(T member) {
    try {
      member.setAccessible(true);
    } catch (RuntimeException e) {
      // public members stay readable without it
    }
    return member;
  }

  /** Reads the subject from a bean, as text. */
  private record Accessor(AccessibleObject member) {

    String subjectOf(Object bean) {
      if (member == null) {
        return null;
      }
      Object value;
      try {
        value = member instanceof Field field ? field.get(bean) : ((Method) member).invoke(bean);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(
            "The data subject of a " + bean.getClass().getSimpleName() + " could not be read", e);
      }
      if (value == null) {
        return null;
      }
      String subject = value instanceof CitizenId id ? id.value() : value.toString();
      return subject.isEmpty() ? null : subject;
    }
  }
}
