package de.rathaus.infra.eventstore;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Commits of several events that this instance knows to be decided: their last event is stored. A
 * fact that never changes (a stored event is never removed), so it can be remembered and spares
 * aggregate loads the lookup of a commit's last event in another aggregate.
 */
final class DecidedCommits {

  private static final int MAX_REMEMBERED = 100_000;

  private final Set<Long> lastPositions = ConcurrentHashMap.newKeySet();

  boolean known(long lastPosition) {
    return lastPositions.contains(lastPosition);
  }

  void remember(long lastPosition) {
    if (lastPositions.size() > MAX_REMEMBERED) {
      lastPositions.clear(); // forgetting only costs a lookup
    }
    lastPositions.add(lastPosition);
  }
}
