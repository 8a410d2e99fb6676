package de.rathaus.application.catalogue;

import de.rathaus.domain.catalogue.ServiceDefinitionContent;

/**
 * A service as the public catalogue shows it: the content of its latest published version.
 *
 * @param code the service's code
 * @param version the published version (1, 2, …)
 * @param retired whether the service was taken off the catalogue
 * @param content what citizens see and fill in
 */
public record ServiceView(
    String code, int version, boolean retired, ServiceDefinitionContent content) {}
