package de.rathaus.application.catalogue;

/** Asks for one published, not retired service by code; answers an empty Optional otherwise. */
public record FindPublishedService(String code) {}
