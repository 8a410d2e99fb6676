package de.rathaus.application.catalogue;

import de.rathaus.application.shared.Versioned;
import de.rathaus.domain.catalogue.ServiceDefinitionContent;

/**
 * A service as the public catalogue shows it: the content of its latest published version.
 *
 * @param code the service's code
 * @param version the published version (1, 2, …)
 * @param retired whether the service was taken off the catalogue
 * @param content what citizens see and fill in
 * @param sequence the last event of the service's history this view applied
 */
public record ServiceView(
    String code, int version, boolean retired, ServiceDefinitionContent content, long sequence)
    implements Versioned<ServiceView> {

  /** The view of a service's newest publication. */
  public static ServiceView published(String code, int version, ServiceDefinitionContent content) {
    return new ServiceView(code, version, false, content, 0);
  }

  public ServiceView takenOff() {
    return new ServiceView(code, version, true, content, sequence);
  }

  @Override
  public ServiceView atSequence(long sequence) {
    return new ServiceView(code, version, retired, content, sequence);
  }
}
