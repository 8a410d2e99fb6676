package de.rathaus.api.servicerequest;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Objections to decisions ({@code RATHAUS_OBJECTIONS_*}). One setting for every service: service
 * definitions name no objection period of their own (a field there would change the catalogue's
 * events).
 *
 * @param period how long after the decision was made known the applicant may object, in the city's
 *     calendar (ISO-8601 period, default {@code P1M}: one month, § 70 VwGO)
 * @param deadline how long the office has to decide an objection once filed (default {@code P3M},
 *     the time after which § 75 VwGO allows an action for failure to act)
 */
@ConfigurationProperties("rathaus.objections")
public record ObjectionProperties(Period period, Period deadline) {

  public ObjectionProperties {
    period = period == null ? Period.ofMonths(1) : period;
    deadline = deadline == null ? Period.ofMonths(3) : deadline;
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("rathaus.objections.period must be positive");
    }
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("rathaus.objections.deadline must be positive");
    }
  }
}
