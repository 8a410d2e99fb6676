package de.rathaus.api.servicerequest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often a citizen may upload ({@code RATHAUS_LIMITS_*}).
 *
 * @param attachmentsPerHour documents a citizen may upload within any hour, refused ones counted
 *     too; default 30. Counted per engine instance (see {@link de.rathaus.api.shared.HourlyLimit})
 */
@ConfigurationProperties("rathaus.limits")
public record UploadLimitProperties(Integer attachmentsPerHour) {

  public UploadLimitProperties {
    attachmentsPerHour = attachmentsPerHour == null ? 30 : attachmentsPerHour;
  }
}
