package de.rathaus.application.statistics;

/** The participation statistic as it stands. */
public record FindParticipationStatistics() {}
