/**
 * The service catalogue: the municipal services (Verwaltungsleistungen) citizens and businesses can
 * request online, each described by a {@link de.rathaus.domain.catalogue.ServiceDefinition} that an
 * administrator drafts, publishes in numbered versions and finally retires.
 */
package de.rathaus.domain.catalogue;
