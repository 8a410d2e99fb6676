package de.rathaus.application.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which generation of its collections each read model answers from, and the rebuild under way into
 * a new one: the registry that makes a rebuild safe. Users are answered from the generation in use
 * until a rebuild has caught up with the history, then the new generation is switched in and the
 * old one dropped; the generation in use survives a restart, and so does a rebuild's progress.
 */
public interface ReadModelGenerations {

  /**
   * The generation read model {@code name} answers from; recorded with {@code declaredVersion} on
   * the first call of a read model the registry does not know yet.
   */
  InUse inUse(String name, int declaredVersion);

  /** The rebuild of {@code name} under way (or interrupted by a restart), if any. */
  Optional<Building> building(String name);

  /**
   * Starts a rebuild: empties the collections of its generation (left from an earlier attempt) and
   * records it.
   */
  void begin(String name, Building building);

  /** Records the progress of the rebuild under way. */
  void record(String name, Building building);

  /** Gives a rebuild up: its collections are dropped, the generation in use stays. */
  void abandon(String name);

  /**
   * Switches the rebuilt generation in: users are answered from it from now on, here and after a
   * restart; the collections of the generation used before are dropped.
   */
  void switchIn(String name, Building building);

  /** The generation in use and the version of the read model's definition that built it. */
  record InUse(String name, int generation, int version) {}

  /**
   * A rebuild into {@code generation}: where it stands in the history ({@code index} and the
   * positions below it not seen yet, {@code gaps}; {@code index} -1 before the first event), how
   * many events it has applied, and how many the store held when it last looked.
   */
  record Building(
      int generation,
      int version,
      Instant startedAt,
      long index,
      List<Long> gaps,
      long done,
      long total) {

    public Building {
      gaps = List.copyOf(gaps);
    }
  }
}
