package de.rathaus.domain.servicerequest;

import java.time.LocalDate;

/**
 * An objection filed after its period: refused, naming the last day on which it could have been
 * filed (a date of the city's calendar, not personal data).
 */
public class ObjectionPeriodOver extends ServiceRequestRuleViolation {

  private final LocalDate lastDay;

  public ObjectionPeriodOver(LocalDate lastDay) {
    super(Code.OBJECTION_PERIOD_OVER, "The objection period ended on " + lastDay);
    this.lastDay = lastDay;
  }

  /** The last day an objection could be filed, in the city's time zone. */
  public LocalDate lastDay() {
    return lastDay;
  }
}
