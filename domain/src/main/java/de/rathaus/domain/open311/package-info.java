/**
 * The API keys of Open311 clients (the reporting apps and city dashboards that speak GeoReport v2):
 * issued and revoked by an administrator, each change an event. The key itself is never part of the
 * history; only its hash is.
 */
package de.rathaus.domain.open311;
