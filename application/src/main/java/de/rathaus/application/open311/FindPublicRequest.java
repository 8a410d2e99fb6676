package de.rathaus.application.open311;

/** The public view of the request with this case number (Open311's {@code service_request_id}). */
public record FindPublicRequest(String caseNumber) {}
