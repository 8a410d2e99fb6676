package de.rathaus.domain.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a part of an event or view as personal data of the citizen named by the record's {@link
 * DataSubject}: names, addresses, e-mail addresses, phone numbers, and what a citizen writes in
 * their own words. The engine stores such a part encrypted with that citizen's key; once the
 * citizen's data is erased it reads as a placeholder. The domain only marks; it never encrypts.
 *
 * <p>On a text the whole value is protected; on a map each value is (the keys, attribute codes of
 * the catalogue, stay readable).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.RECORD_COMPONENT,
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER
})
public @interface PersonalData {}
