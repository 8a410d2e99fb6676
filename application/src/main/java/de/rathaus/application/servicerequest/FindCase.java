package de.rathaus.application.servicerequest;

/** One case, answered only if the asking clerk's department handles it now. */
public record FindCase(String id, String department) {}
