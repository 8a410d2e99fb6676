/**
 * The service catalogue on the application side: the read model citizens see (projection, queries,
 * port) and the sample catalogue seeded on the first start.
 */
package de.rathaus.application.catalogue;
