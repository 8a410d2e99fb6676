package de.rathaus.application.catalogue;

/** Asks for the departments ordered by code: the active ones, and the retired ones too if asked. */
public record ListDepartments(boolean includeRetired) {}
