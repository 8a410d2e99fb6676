/**
 * Requests and cases on the application side: submission against the published catalogue, case
 * numbers, and the read models citizens and clerks see.
 */
package de.rathaus.application.servicerequest;
