package de.rathaus.api.open311;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpStatus;

/**
 * The Open311 interface ({@code RATHAUS_OPEN311_*}).
 *
 * @param jurisdictionId the jurisdiction this endpoint serves (the city's domain, for example
 *     {@code heilbronn.de}); a request that names another {@code jurisdiction_id} is refused (400),
 *     one that names none is served. Default {@code rathaus.example}
 * @param requestsPerHourPerKey the most submissions one API key may make within any hour (429 over
 *     it); default 200
 * @param requestsPerHourPerAddress the most submission attempts from one client address within any
 *     hour, counted before the key is checked (so that keys cannot be guessed fast); default 300. A
 *     client's server that submits for all its users from one address needs it above its key's
 *     limit; behind a reverse proxy the address is the proxy's unless {@code
 *     server.forward-headers-strategy} is set
 * @param contact whom to ask about this endpoint, shown in {@code discovery}
 * @param keyService how a client gets an API key, shown in {@code discovery}
 * @param maxResults the most requests one {@code GET requests} answers (newest first); default 1000
 */
@ConfigurationProperties("rathaus.open311")
public record Open311Properties(
    String jurisdictionId,
    Integer requestsPerHourPerKey,
    Integer requestsPerHourPerAddress,
    String contact,
    String keyService,
    Integer maxResults) {

  public Open311Properties {
    jurisdictionId =
        jurisdictionId == null || jurisdictionId.isBlank() ? "rathaus.example" : jurisdictionId;
    requestsPerHourPerKey = requestsPerHourPerKey == null ? 200 : requestsPerHourPerKey;
    requestsPerHourPerAddress = requestsPerHourPerAddress == null ? 300 : requestsPerHourPerAddress;
    contact =
        contact == null || contact.isBlank()
            ? "Die Stadtverwaltung (rathaus.open311.contact nennt die Stelle)"
            : contact;
    keyService =
        keyService == null || keyService.isBlank()
            ? "API-Schlüssel vergibt die Verwaltung der Stadt (POST /api/v1/open311/keys)"
            : keyService;
    maxResults = maxResults == null ? 1000 : maxResults;
    if (requestsPerHourPerKey < 1 || requestsPerHourPerAddress < 1 || maxResults < 1) {
      throw new IllegalArgumentException("rathaus.open311 limits must be positive");
    }
  }

  /**
   * Refuses a request that names another jurisdiction than this endpoint's (400 in the standard's
   * error list); one that names none is served. Every Open311 resource checks it, the updates feed
   * too.
   */
  void checkJurisdiction(String jurisdiction) {
    if (jurisdiction != null && !jurisdiction.equals(jurisdictionId)) {
      throw new Open311Failure(
          HttpStatus.BAD_REQUEST,
          "jurisdiction_id is not served here; this endpoint serves " + jurisdictionId);
    }
  }
}
