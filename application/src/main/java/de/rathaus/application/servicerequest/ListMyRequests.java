package de.rathaus.application.servicerequest;

/** The asking applicant's requests. */
public record ListMyRequests(String applicant) {}
