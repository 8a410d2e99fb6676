/** What every resource of the API shares: problem details, request limits, localisation. */
package de.rathaus.api.shared;
