package de.rathaus.application.servicerequest;

/** One request, answered only if it belongs to the asking applicant. */
public record FindMyRequest(String id, String applicant) {}
