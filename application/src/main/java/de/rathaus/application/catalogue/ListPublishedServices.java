package de.rathaus.application.catalogue;

/** Asks for the public catalogue: every published, not retired service. */
public record ListPublishedServices() {}
