package de.rathaus.infra.eventstore;

/**
 * Makes what was just written durable before the engine acknowledges an append. A real MongoDB
 * replica set does this through write concern {@code majority} with journal and needs nothing more;
 * the embedded server keeps writes in memory until its store is committed, so its durability
 * commits the store.
 */
@FunctionalInterface
public interface StoreDurability {

  StoreDurability BY_WRITE_CONCERN = () -> {};

  void flush();
}
