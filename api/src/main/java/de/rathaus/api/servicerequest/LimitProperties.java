package de.rathaus.api.servicerequest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What one citizen may do per hour ({@code RATHAUS_LIMITS_*}).
 *
 * @param requestsPerHour requests a citizen may submit in any hour; default 20
 */
@ConfigurationProperties("rathaus.limits")
public record LimitProperties(Integer requestsPerHour) {

  public LimitProperties {
    requestsPerHour = requestsPerHour == null ? 20 : requestsPerHour;
  }
}
