package de.rathaus.application.statistics;

import de.rathaus.application.shared.VersionedViews;
import java.util.List;

/** The cases as one statistic of cases keeps them; a statistic reads all of them to count. */
public interface CaseFiguresViews extends VersionedViews<CaseFigures> {

  /** Every case record. */
  List<CaseFigures> all();
}
