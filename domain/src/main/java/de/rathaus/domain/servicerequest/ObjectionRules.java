package de.rathaus.domain.servicerequest;

import de.rathaus.domain.servicerequest.ServiceRequestRuleViolation.Code;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/**
 * The rules of an objection (Widerspruch), one named method each, as {@link CaseRules} holds the
 * case's other rules. Periods are counted in the city's calendar: a decision made known on 15 March
 * with a period of one month can be objected to until the end of 15 April (§§ 187, 188 BGB, § 70
 * VwGO), Berlin time.
 */
final class ObjectionRules {

  /** The city's time zone, in which days begin and end. */
  static final ZoneId CITY_TIME = ZoneId.of("Europe/Berlin");

  private ObjectionRules() {}

  /** An objection needs a decision: not before one, and not on a withdrawn request. */
  static void requireDecision(RequestStatus status) {
    refuseIf(
        status != RequestStatus.DECIDED && status != RequestStatus.CLOSED,
        Code.NOT_DECIDED,
        "Only a decision can be objected to; the case is " + status);
  }

  /** One objection per decision. */
  static void requireNoObjectionYet(boolean objected) {
    refuseIf(objected, Code.ALREADY_OBJECTED, "The decision has already been objected to");
  }

  /** The last day of the period, counted from the day the decision was made known. */
  static LocalDate lastDay(Instant decidedAt, Period period) {
    return decidedAt.atZone(CITY_TIME).toLocalDate().plus(period);
  }

  /** Within the period: until the end of its last day in the city's time zone. */
  static void requireWithinPeriod(Instant decidedAt, Period period, Instant now) {
    LocalDate lastDay = lastDay(decidedAt, period);
    if (!now.isBefore(lastDay.plusDays(1).atStartOfDay(CITY_TIME).toInstant())) {
      throw new ObjectionPeriodOver(lastDay);
    }
  }

  /** When the office must have decided the objection: the deadline after it was filed. */
  static Instant dueDate(Instant filedAt, Period deadline) {
    return filedAt.atZone(CITY_TIME).plus(deadline).toInstant();
  }

  static void requireObjectionPending(RequestStatus status) {
    refuseIf(
        status != RequestStatus.OBJECTION_PENDING,
        Code.NO_OBJECTION_PENDING,
        "No objection is pending; the case is " + status);
  }

  /** Before the decision (withdrawal): an objection procedure is not withdrawn as a request. */
  static void requireBeforeDecision(RequestStatus status) {
    refuseIf(
        !status.isOpen() || status == RequestStatus.OBJECTION_PENDING,
        Code.NOT_OPEN,
        "The case is " + status);
  }

  /**
   * The applicant's documents for an objection: once decided and as long as no objection was
   * decided (before the objection is filed and while it is pending).
   */
  static void requireOpenForObjectionDocuments(RequestStatus status, boolean objectionDecided) {
    refuseIf(
        objectionDecided
            || (status != RequestStatus.DECIDED
                && status != RequestStatus.CLOSED
                && status != RequestStatus.OBJECTION_PENDING),
        Code.NOT_DECIDED,
        "Documents for an objection need a decision not yet objected to, or a pending objection;"
            + " the case is "
            + status);
  }

  private static void refuseIf(boolean broken, Code code, String message) {
    if (broken) {
      throw new ServiceRequestRuleViolation(code, message);
    }
  }
}
