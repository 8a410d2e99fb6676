package de.rathaus.infra.shared;

import de.rathaus.application.shared.Versioned;
import de.rathaus.application.shared.VersionedViews;
import java.util.Optional;

/**
 * The writing side every MongoDB read model shares ({@link VersionedViews} on {@link
 * VersionedJsonViews}); an adapter adds its own queries on {@link #views}.
 *
 * @param <V> the record type
 */
public abstract class StoredViews<V extends Versioned<V>> implements VersionedViews<V> {

  protected final VersionedJsonViews<V> views;

  protected StoredViews(VersionedJsonViews<V> views) {
    this.views = views;
  }

  @Override
  public Optional<V> find(String id) {
    return views.find(id);
  }

  @Override
  public void insert(V view) {
    views.insert(view);
  }

  @Override
  public boolean replace(V view, long previousSequence) {
    return views.replace(view, previousSequence);
  }

  @Override
  public void clear() {
    views.clear();
  }
}
