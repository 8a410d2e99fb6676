package de.rathaus.application.shared;

import java.util.List;

/**
 * One page of a list: its items and, if more follow, the cursor of the next page (opaque to
 * callers; the read model that made it can read it back). The last page has no cursor.
 *
 * @param items the items of this page, in the list's order
 * @param next the cursor of the next page, or {@code null} on the last page
 */
public record Page<T>(List<T> items, String next) {

  public Page {
    items = List.copyOf(items);
  }

  /** The sizes a caller may ask for: 1 to 500 items, 50 unless asked. */
  public static final int DEFAULT_SIZE = 50;

  public static final int MAX_SIZE = 500;

  /**
   * A page of a short list held whole in memory (the catalogue, the departments), ordered by a
   * unique key: the cursor names the key of the previous page's last item.
   */
  public static <T> Page<T> ofSorted(
      List<T> sortedByKey, java.util.function.Function<T, String> key, String after, int size) {
    requireSize(size);
    String last = after == null ? null : readCursor(after);
    List<T> rest =
        last == null
            ? sortedByKey
            : sortedByKey.stream().filter(item -> key.apply(item).compareTo(last) > 0).toList();
    List<T> items = rest.subList(0, Math.min(size, rest.size()));
    String next = rest.size() > size ? writeCursor(key.apply(items.get(items.size() - 1))) : null;
    return new Page<>(items, next);
  }

  private static String writeCursor(String key) {
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String readCursor(String cursor) {
    try {
      return new String(
          java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidPageRequest("cursor");
    }
  }

  public static void requireSize(int size) {
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidPageRequest("size");
    }
  }

  /** A page size out of range, or a cursor that no page of this list made. */
  public static final class InvalidPageRequest extends RuntimeException {
    private final String parameter;

    public InvalidPageRequest(String parameter) {
      super("Invalid " + parameter + " of a page", null, false, false);
      this.parameter = parameter;
    }

    /** The query parameter at fault: {@code size} or {@code cursor}. */
    public String parameter() {
      return parameter;
    }
  }
}
