/**
 * Commands of the engine's jar that run instead of the web server and never start Spring: the
 * offline checks of an exported history and of a receipt against the log's public key.
 */
package de.rathaus.api.cli;
