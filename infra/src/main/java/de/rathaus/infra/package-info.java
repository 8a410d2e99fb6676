/**
 * Infrastructure: the MongoDB event storage engine, the embedded server, token store, read-model
 * repositories and the Spring auto-configuration that wires them.
 */
package de.rathaus.infra;
