package de.rathaus.domain.catalogue;

import de.rathaus.domain.shared.ServiceCode;

/**
 * An administrator asked for a change of a catalogue entry that its lifecycle does not allow, for
 * example to revise a retired service. Nothing was recorded; the code says why, for the API to
 * answer with a problem (409).
 */
public class ServiceDefinitionRuleViolation extends RuntimeException {

  /** Which rule of the lifecycle was violated. */
  public enum Code {
    /** The service is retired; a retired service is never changed again. */
    ALREADY_RETIRED,
    /** Nothing changed since the last publication, so there is no new version to publish. */
    NOTHING_TO_PUBLISH
  }

  private final transient ServiceCode service;
  private final Code code;

  public ServiceDefinitionRuleViolation(ServiceCode service, Code code, String message) {
    super(message);
    this.service = service;
    this.code = code;
  }

  public ServiceCode service() {
    return service;
  }

  public Code code() {
    return code;
  }
}
