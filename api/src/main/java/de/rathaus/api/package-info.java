/** The Spring Boot application: HTTP API, security, problem details. */
package de.rathaus.api;
