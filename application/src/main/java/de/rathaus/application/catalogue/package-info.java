/** The service catalogue as citizens read it: read model, projection and queries. */
package de.rathaus.application.catalogue;
