package de.rathaus.application.privacy;

import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Whose personal data a message carries: the {@link DataSubject} of a record that holds at least
 * one {@link PersonalData} value that is not {@code null} (in itself, or in records, lists and maps
 * nested in it, up to a nested record with a subject of its own). Such a record is stored encrypted
 * with that citizen's key, so their key exists from then on.
 */
final class PersonalParts {

  /** How a record type holds its subject and its personal parts. */
  private record Shape(Method subject, List<Method> personal, List<Method> nested) {}

  private static final Shape NONE = new Shape(null, List.of(), List.of());

  private static final ClassValue<Shape> SHAPES =
      new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
          return shapeOf(type);
        }
      };

  private PersonalParts() {}

  /** Whether messages of the type name a data subject (and may carry their personal data). */
  static boolean namesSubject(Class<?> type) {
    return SHAPES.get(type).subject() != null;
  }

  /** The subject whose personal data {@code message} carries, or {@code null}. */
  static String subjectOf(Object message) {
    Shape shape = SHAPES.get(message.getClass());
    if (shape.subject() == null) {
      return null;
    }
    Object subject = read(shape.subject(), message);
    String id = subject instanceof CitizenId citizen ? citizen.value() : String.valueOf(subject);
    return subject == null || id.isEmpty() || !carries(message, shape) ? null : id;
  }

  private static boolean carries(Object value, Shape shape) {
    for (Method personal : shape.personal()) {
      Object part = read(personal, value);
      if (part instanceof Map<?, ?> map
          ? map.values().stream().anyMatch(item -> item != null)
          : part != null) {
        return true;
      }
    }
    for (Method nested : shape.nested()) {
      if (nestedCarries(read(nested, value))) {
        return true;
      }
    }
    return false;
  }

  private static boolean nestedCarries(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Collection<?> items) {
      return items.stream().anyMatch(PersonalParts::nestedCarries);
    }
    if (value instanceof Map<?, ?> map) {
      return map.values().stream().anyMatch(PersonalParts::nestedCarries);
    }
    Shape shape = SHAPES.get(value.getClass());
    // a nested record with a subject of its own is that subject's data
    return shape.subject() == null && carries(value, shape);
  }

  private static Shape shapeOf(Class<?> type) {
    if (!type.isRecord()) {
      return NONE;
    }
    Method subject = null;
    List<Method> personal = new ArrayList<>();
    List<Method> nested = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      Method accessor = component.getAccessor();
      accessor.setAccessible(true);
      if (component.isAnnotationPresent(DataSubject.class)) {
        subject = accessor;
      } else if (component.isAnnotationPresent(PersonalData.class)) {
        personal.add(accessor);
      } else if (mayNest(component.getType())) {
        nested.add(accessor);
      }
    }
    return new Shape(subject, List.copyOf(personal), List.copyOf(nested));
  }

  private static boolean mayNest(Class<?> type) {
    return type.isRecord()
        || Collection.class.isAssignableFrom(type)
        || Map.class.isAssignableFrom(type)
        || type == Object.class;
  }

  private static Object read(Method accessor, Object value) {
    try {
      return accessor.invoke(value);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(
          "A part of a " + value.getClass().getSimpleName() + " could not be read", e);
    }
  }
}
