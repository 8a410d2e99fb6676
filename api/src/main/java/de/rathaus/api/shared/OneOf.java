package de.rathaus.api.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field or query parameter that holds one of an enum's constants without being of the enum's
 * type: an answer's field written in lower case, or an input read in any case through {@link
 * Choices}. {@link OpenApiDescription} documents the constants: an answer's as the schema's {@code
 * enum}, an input's in its description (a schema's {@code enum} would refuse the other cases, which
 * are accepted).
 */
@Target({
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT
})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneOf {

  /** The enum whose constants are the choices. */
  Class<? extends Enum<?>> value();

  /** How the value is written. */
  Written written() default Written.AS_DECLARED;

  /** How the constants are written in the JSON. */
  enum Written {
    /** as the constants are named, e.g. {@code REQUEST} */
    AS_DECLARED,
    /** in lower case, e.g. {@code string} */
    LOWER_CASE,
    /** in any case: an input read through {@link Choices} */
    ANY_CASE
  }
}
