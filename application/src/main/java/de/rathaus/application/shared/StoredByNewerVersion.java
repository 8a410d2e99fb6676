package de.rathaus.application.shared;

/**
 * Something in the store was written by a newer version of Rathaus than this instance (a rolling
 * upgrade under way): this instance cannot read it and must not guess. A passing state: the caller
 * tries again shortly, and reaches an upgraded instance or this one after its upgrade.
 */
public abstract class StoredByNewerVersion extends RuntimeException {

  protected StoredByNewerVersion(String message) {
    super(message);
  }
}
