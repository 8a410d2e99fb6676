package de.rathaus.application.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * Asks for the view of one aggregate as it stood at a moment: either an instant ({@code asOf}: the
 * events recorded at or before it) or a global position ({@code atPosition}: the events stored at
 * or before it). Exactly one of the two is given.
 */
public record FindStateAsOf(String aggregateId, Instant asOf, Long atPosition) {

  public FindStateAsOf {
    Objects.requireNonNull(aggregateId, "aggregateId");
    if ((asOf == null) == (atPosition == null)) {
      throw new IllegalArgumentException("exactly one of asOf and atPosition is given");
    }
  }

  public static FindStateAsOf at(String aggregateId, Instant asOf) {
    return new FindStateAsOf(aggregateId, asOf, null);
  }

  public static FindStateAsOf atPosition(String aggregateId, long position) {
    return new FindStateAsOf(aggregateId, null, position);
  }
}
