package de.rathaus.api.participation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A list of sustainability goals by number: each one of the UN's 17 (1 to 17), none twice. A
 * missing list is no goal at all.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = GoalNumbers.Check.class)
@interface GoalNumbers {

  String message() default "must be numbers of the UN's 17 goals (1 to 17), each once";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  final class Check implements ConstraintValidator<GoalNumbers, List<Integer>> {
    @Override
    public boolean isValid(List<Integer> numbers, ConstraintValidatorContext context) {
      if (numbers == null) {
        return true;
      }
      Set<Integer> seen = new HashSet<>();
      for (Integer number : numbers) {
        if (number == null || number < 1 || number > 17 || !seen.add(number)) {
          return false;
        }
      }
      return true;
    }
  }
}
