package de.rathaus.application.open311;

import java.time.Instant;
import java.util.List;

/**
 * Public requests as Open311's {@code GET requests} asks for them: by case numbers (then nothing
 * else filters), or by services, state and the window in which they were submitted; newest first.
 *
 * @param caseNumbers the case numbers asked for; empty for none
 * @param serviceCodes the services asked for; empty for every service
 * @param open {@code true} only open requests, {@code false} only closed ones, {@code null} both
 * @param from submitted at or after this instant
 * @param to submitted at or before this instant
 * @param limit the most requests answered
 */
public record ListPublicRequests(
    List<String> caseNumbers,
    List<String> serviceCodes,
    Boolean open,
    Instant from,
    Instant to,
    int limit) {

  public ListPublicRequests {
    caseNumbers = caseNumbers == null ? List.of() : List.copyOf(caseNumbers);
    serviceCodes = serviceCodes == null ? List.of() : List.copyOf(serviceCodes);
    if (caseNumbers.isEmpty() && (from == null || to == null)) {
      throw new IllegalArgumentException(
          "A list of public requests needs a window or case numbers");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("A list of public requests answers at least one");
    }
  }

  /** Whether {@code view} is one of those asked for. */
  public boolean matches(PublicRequestView view) {
    if (!caseNumbers.isEmpty()) {
      return caseNumbers.contains(view.caseNumber());
    }
    return (serviceCodes.isEmpty() || serviceCodes.contains(view.serviceCode()))
        && (open == null || open == view.open())
        && !view.requestedAt().isBefore(from)
        && !view.requestedAt().isAfter(to);
  }
}
