/**
 * The service catalogue: the municipal services (Verwaltungsleistungen) citizens and businesses can
 * request online, each described by a {@link de.rathaus.domain.catalogue.ServiceDefinition} that an
 * administrator drafts, publishes in numbered versions and finally retires; and the departments
 * (Ämter) responsible for them, reference data kept as {@link
 * de.rathaus.domain.catalogue.Department}s.
 */
package de.rathaus.domain.catalogue;
