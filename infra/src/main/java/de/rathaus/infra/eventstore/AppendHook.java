package de.rathaus.infra.eventstore;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;

/**
 * Called after an append has reserved its global positions and before it writes them. It lets tests
 * hold a commit back while later commits land; in the running engine it does nothing.
 */
@FunctionalInterface
public interface AppendHook {

  AppendHook NONE = events -> {};

  void beforeInsert(List<? extends EventMessage<?>> events);
}
