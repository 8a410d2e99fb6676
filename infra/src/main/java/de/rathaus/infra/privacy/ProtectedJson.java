package de.rathaus.infra.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.rathaus.application.privacy.MissingKeys;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The mapper that writes events and read models to storage: a copy of the application's mapper with
 * the {@link PersonalDataModule}. A holder rather than an {@code ObjectMapper} bean, so that it is
 * never picked where the application's mapper is meant: HTTP answers stay plain, and Axon's general
 * serializer keeps the application's mapper.
 *
 * @param mapper the protecting mapper; do not reconfigure it
 */
public record ProtectedJson(ObjectMapper mapper) {

  public ProtectedJson {
    Objects.requireNonNull(mapper, "mapper");
  }

  /** A copy of {@code application} that protects personal data with keys of {@code keys}. */
  public static ProtectedJson of(ObjectMapper application, SubjectKeyStore keys) {
    return of(application, keys, new MissingKeys());
  }

  /**
   * The same, counting values whose key is missing without a recorded erasure in {@code missing}.
   */
  public static ProtectedJson of(
      ObjectMapper application, SubjectKeyStore keys, MissingKeys missing) {
    return new ProtectedJson(
        application
            .copy()
            .registerModule(new PersonalDataModule(keys, new SecureRandom(), missing)));
  }
}
