package de.rathaus.application.audit;

import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A read model that can be rebuilt from the whole history while the engine runs: its name (the
 * {@code NAME} of its projection, which is also its processor's name), the version of its
 * definition (raise it when what the read model computes changes: the engine then rebuilds it in
 * the background at start) and how to make a second instance of its projection that writes into a
 * given generation of its collections.
 *
 * @param name the read model's (and its processor's) name
 * @param version the version of the read model's definition, 1 or more
 * @param projectionIn makes an instance of the projection bound to the given generation
 */
public record RebuildableReadModel(String name, int version, IntFunction<Object> projectionIn) {

  public RebuildableReadModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(projectionIn, "projectionIn");
    if (version < 1) {
      throw new IllegalArgumentException("A read model's version starts at 1");
    }
  }
}
