package de.rathaus.api.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The refusals an operation answers beyond those every operation of its kind may answer (which
 * {@link OpenApiDescription} documents by itself: 400 and 401 everywhere (a request the container
 * cannot read; credentials that are wrong), 403 where sign-in is needed, 404 for a path with ids,
 * 406, 409 and 422 where an {@code Idempotency-Key} is taken, 413 and 415 for a body, 500 and 503):
 * for example 409 for a forbidden transition or 422 for a broken rule. Each is documented as an
 * {@code application/problem+json} answer.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Refusals {

  /** HTTP statuses, e.g. {@code {409, 422}}. */
  int[] value();
}
