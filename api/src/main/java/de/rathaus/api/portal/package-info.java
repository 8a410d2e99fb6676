/**
 * The web portal: server-rendered pages (Thymeleaf, plain forms, no JavaScript needed) over the
 * same queries as the API, in German and English, for the public first: the service catalogue with
 * search and a department filter, a service's page, and the pages a German public body must have
 * (Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit), whose texts the city
 * configures ({@link de.rathaus.api.portal.PortalProperties}).
 */
package de.rathaus.api.portal;
