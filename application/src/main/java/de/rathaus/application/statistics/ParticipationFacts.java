package de.rathaus.application.statistics;

import de.rathaus.application.shared.VersionedViews;
import java.util.List;

/**
 * The records of the participation statistic, each following one aggregate: consultations,
 * proposals and items, supports, ratings.
 */
public interface ParticipationFacts {

  Part<ConsultationFacts> consultations();

  Part<ContributionFacts> contributions();

  Part<SupportFacts> supports();

  Part<RatingFacts> ratings();

  /** Empties all parts before a rebuild. */
  default void clear() {
    consultations().clear();
    contributions().clear();
    supports().clear();
    ratings().clear();
  }

  /** One kind of record: written as every versioned view is, read all at once to count. */
  interface Part<V extends de.rathaus.application.shared.Versioned<V>> extends VersionedViews<V> {
    List<V> all();
  }
}
