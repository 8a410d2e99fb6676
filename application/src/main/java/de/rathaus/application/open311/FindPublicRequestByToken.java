package de.rathaus.application.open311;

/**
 * The public view of the request a batch submission's token stands for: the token is the request's
 * id, which says nothing about the request or its applicant.
 */
public record FindPublicRequestByToken(String token) {}
