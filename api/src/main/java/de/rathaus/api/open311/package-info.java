/**
 * Open311 GeoReport v2 over the engine's catalogue and requests: its resources in XML and JSON, its
 * error list instead of problem+json, and the API keys of its clients.
 */
package de.rathaus.api.open311;
