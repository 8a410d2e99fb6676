/** The service catalogue over HTTP: public list and detail, administration. */
package de.rathaus.api.catalogue;
