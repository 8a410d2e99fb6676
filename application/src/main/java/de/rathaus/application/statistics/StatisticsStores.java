package de.rathaus.application.statistics;

/**
 * Where the statistics keep their records, one store per read model by its name (so that a new
 * version of a statistic can be built next to the old one).
 */
public interface StatisticsStores {

  /** The case records of the statistic {@code readModel}. */
  CaseFiguresViews cases(String readModel);

  /** The participation records of the statistic {@code readModel}. */
  ParticipationFacts participation(String readModel);
}
