/** Open311's read model on MongoDB: the requests as the public sees them. */
package de.rathaus.infra.open311;
