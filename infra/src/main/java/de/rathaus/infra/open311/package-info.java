/**
 * Open311 on MongoDB: the requests as the public sees them, the API keys' read model, and the
 * settled history in position order that the updates feed reads.
 */
package de.rathaus.infra.open311;
