package de.rathaus.api.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads a choice (an enum constant) from a request, with a message that names the choices. */
public final class Choices {

  private Choices() {}

  public static <E extends Enum<E>> E of(Class<E> choices, String field, String value) {
    for (E choice : choices.getEnumConstants()) {
      if (value != null && choice.name().equalsIgnoreCase(value.trim())) {
        return choice;
      }
    }
    throw new IllegalArgumentException(
        field
            + " must be one of "
            + Arrays.stream(choices.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
  }
}
