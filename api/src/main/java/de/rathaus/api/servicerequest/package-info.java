/** Requests over HTTP: citizens submit and follow their own requests. */
package de.rathaus.api.servicerequest;
