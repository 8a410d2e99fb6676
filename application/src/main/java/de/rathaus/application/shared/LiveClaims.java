package de.rathaus.application.shared;

import java.util.Set;

/**
 * The segments of a processor that other engine instances claim and are seen alive: their beat in
 * the store moved lately. Such a segment is applied by its claimant; the store's adapter knows both
 * (claims and beats), and readiness asks it.
 */
@FunctionalInterface
public interface LiveClaims {

  /** No other instance is known: no segment counts as applied elsewhere. */
  LiveClaims NONE = processor -> Set.of();

  /** The segments of {@code processor} claimed by other instances that are seen alive. */
  Set<Integer> of(String processor);
}
