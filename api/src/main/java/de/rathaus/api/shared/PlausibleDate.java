package de.rathaus.api.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A calendar date (or an instant, read in UTC) a person could mean in this engine: between the
 * years 2000 and 2099. Outside that range a date is a typing error (or an attempt to overflow date
 * arithmetic) and is refused as invalid input, before any rule about the date is applied.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {PlausibleDate.Check.class, PlausibleDate.CheckInstant.class})
public @interface PlausibleDate {

  String message() default "must be a date between 2000-01-01 and 2099-12-31";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  LocalDate LATEST = LocalDate.of(2099, 12, 31);

  /** Checks the range; a missing date is left to {@code @NotNull}. */
  final class Check implements ConstraintValidator<PlausibleDate, LocalDate> {
    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
      return value == null || (!value.isBefore(EARLIEST) && !value.isAfter(LATEST));
    }
  }

  /** Checks the range of an instant (UTC); a missing one is left to {@code @NotNull}. */
  final class CheckInstant implements ConstraintValidator<PlausibleDate, java.time.Instant> {
    @Override
    public boolean isValid(java.time.Instant value, ConstraintValidatorContext context) {
      return value == null
          || (!value.isBefore(EARLIEST.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
              && value.isBefore(
                  LATEST.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
    }
  }
}
