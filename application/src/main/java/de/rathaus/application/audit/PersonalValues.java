package de.rathaus.application.audit;

import de.rathaus.domain.shared.PersonalData;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hides personal values from auditors: a copy of a read model's record in which every part marked
 * {@link PersonalData} reads {@value #MASK} (a text), holds {@value #MASK} under each of its keys
 * (a map: its keys, attribute codes of the catalogue, stay readable), or is left out ({@code null},
 * any other type, such as the coordinates of an application). Nested records, lists and maps are
 * copied the same way; values that are no records pass unchanged. A record that cannot be copied is
 * left out whole rather than shown unmasked.
 */
public final class PersonalValues {

  /** What an auditor sees in place of a personal value. */
  public static final String MASK = "[personal]";

  private PersonalValues() {}

  /** A copy of the value with its personal parts hidden. */
  @SuppressWarnings("unchecked")
  public static <T> T masked(T value) {
    return (T) mask(value, false);
  }

  private static Object mask(Object value, boolean personal) {
    if (value == null) {
      return null;
    }
    if (personal) {
      return hidden(value);
    }
    if (value.getClass().isRecord()) {
      return record(value);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(element -> copy.add(mask(element, false)));
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, mask(v, false)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof Optional<?> optional) {
      return optional.map(v -> mask(v, false));
    }
    return value;
  }

  private static Object hidden(Object value) {
    if (value instanceof String) {
      return MASK;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, v == null ? null : MASK));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(element -> copy.add(element == null ? null : hidden(element)));
      return Collections.unmodifiableList(copy);
    }
    return null;
  }

  private static Object record(Object value) {
    RecordComponent[] components = value.getClass().getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] parts = new Object[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        RecordComponent component = components[i];
        types[i] = component.getType();
        component.getAccessor().setAccessible(true);
        parts[i] =
            mask(
                component.getAccessor().invoke(value),
                component.isAnnotationPresent(PersonalData.class));
      }
      Constructor<?> canonical = value.getClass().getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return canonical.newInstance(parts);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // fail closed: what cannot be copied with its personal parts hidden is not shown
      return null;
    }
  }
}
