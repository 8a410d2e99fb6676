package de.rathaus.api.privacy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The retention watch ({@code RATHAUS_PRIVACY_RETENTIONCHECKINTERVAL}); the key store's settings
 * are the storage's ({@code RATHAUS_PRIVACY_KEYSTORE} and the others).
 *
 * @param retentionCheckInterval how often the retention watch runs; default six hours
 */
@ConfigurationProperties("rathaus.privacy")
public record RetentionProperties(Duration retentionCheckInterval) {

  public RetentionProperties {
    retentionCheckInterval =
        retentionCheckInterval == null ? Duration.ofHours(6) : retentionCheckInterval;
  }
}
