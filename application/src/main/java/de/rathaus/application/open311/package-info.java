/**
 * Open311 GeoReport v2 on the application side: the API keys that Open311 clients present, issued
 * and revoked by an admin and stored only as hashes.
 */
package de.rathaus.application.open311;
