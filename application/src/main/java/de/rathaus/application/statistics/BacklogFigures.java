package de.rathaus.application.statistics;

/**
 * The cases of one service or department open now, and of them those flagged overdue ({@code null}
 * = withheld, see {@link Disclosure}).
 */
public record BacklogFigures(String key, Integer open, Integer overdue) {}
