package de.rathaus.application.participation;

/**
 * Asks for the action fields ordered by code: the active ones, and the retired ones too if asked.
 */
public record ListActionFields(boolean includeRetired) {}
