/**
 * The service catalogue on the application side: the read models everyone reads (the public
 * catalogue of services and the departments: projections, queries, ports).
 */
package de.rathaus.application.catalogue;
