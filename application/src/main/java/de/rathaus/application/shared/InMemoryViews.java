package de.rathaus.application.shared;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A read model held in memory: for projection tests, and for views built on the fly from part of
 * the history (a case as it stood at a past moment). Same conditional writes as the stored ones.
 *
 * @param <V> the record type
 */
public class InMemoryViews<V extends Versioned<V>> implements VersionedViews<V> {

  private final Map<String, V> records = new ConcurrentHashMap<>();
  private final Function<V, String> idOf;

  public InMemoryViews(Function<V, String> idOf) {
    this.idOf = idOf;
  }

  @Override
  public Optional<V> find(String id) {
    return Optional.ofNullable(records.get(id));
  }

  @Override
  public void insert(V view) {
    records.putIfAbsent(idOf.apply(view), view);
  }

  @Override
  public synchronized boolean replace(V view, long previousSequence) {
    String id = idOf.apply(view);
    V current = records.get(id);
    if (current == null || current.sequence() != previousSequence) {
      return false;
    }
    records.put(id, view);
    return true;
  }

  @Override
  public void clear() {
    records.clear();
  }

  /** Every record matching {@code filter}, in {@code order}. */
  public List<V> all(Predicate<V> filter, Comparator<V> order) {
    return records.values().stream().filter(filter).sorted(order).toList();
  }

  /**
   * A page of the records matching {@code filter}, in {@code order} (which must end with the id, so
   * that it is total); the cursor names the last record of the previous page.
   */
  public Page<V> page(Predicate<V> filter, Comparator<V> order, String after, int size) {
    List<V> sorted = all(filter, order);
    int start = 0;
    if (after != null) {
      String last = decode(after);
      start = sorted.size();
      for (int i = 0; i < sorted.size(); i++) {
        if (idOf.apply(sorted.get(i)).equals(last)) {
          start = i + 1;
          break;
        }
      }
    }
    List<V> items = new ArrayList<>(sorted.subList(start, Math.min(sorted.size(), start + size)));
    String next =
        start + size < sorted.size()
            ? Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    idOf.apply(items.get(items.size() - 1)).getBytes(StandardCharsets.UTF_8))
            : null;
    return new Page<>(items, next);
  }

  private static String decode(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new Page.InvalidPageRequest("cursor");
    }
  }
}
