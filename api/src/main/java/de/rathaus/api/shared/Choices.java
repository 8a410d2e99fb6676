package de.rathaus.api.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Reads a choice (an enum constant) from a request, refusing anything else with the choices. */
public final class Choices {

  private Choices() {}

  public static <E extends Enum<E>> E of(Class<E> choices, String field, String value) {
    for (E choice : choices.getEnumConstants()) {
      if (value != null && choice.name().equalsIgnoreCase(value.trim())) {
        return choice;
      }
    }
    throw new InvalidChoice(
        field,
        Arrays.stream(choices.getEnumConstants())
            .map(c -> c.name().toLowerCase(Locale.ROOT))
            .toList());
  }

  /** A value that is none of a field's choices: a 400 whose field error names the choices. */
  public static final class InvalidChoice extends RuntimeException {
    private final String field;
    private final List<String> choices;

    InvalidChoice(String field, List<String> choices) {
      super(field + " must be one of " + String.join(", ", choices), null, false, false);
      this.field = field;
      this.choices = List.copyOf(choices);
    }

    public String field() {
      return field;
    }

    public List<String> choices() {
      return choices;
    }
  }
}
