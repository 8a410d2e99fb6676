package de.rathaus.api.participation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * E-participation ({@code RATHAUS_PARTICIPATION_*}).
 *
 * @param phaseCheckInterval how often the phase watch looks for consultations whose dates have
 *     come; default one minute
 */
@ConfigurationProperties("rathaus.participation")
public record ParticipationProperties(Duration phaseCheckInterval) {

  public ParticipationProperties {
    phaseCheckInterval = phaseCheckInterval == null ? Duration.ofMinutes(1) : phaseCheckInterval;
  }
}
