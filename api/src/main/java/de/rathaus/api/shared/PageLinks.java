package de.rathaus.api.shared;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/** The relative URL of a list's next page: the same request with the next page's cursor. */
public final class PageLinks {

  private PageLinks() {}

  /** The next page's URL, or {@code null} when there is no next page. */
  public static String next(String cursor) {
    if (cursor == null) {
      return null;
    }
    UriComponents next =
        ServletUriComponentsBuilder.fromCurrentRequest()
            .replaceQueryParam("cursor", cursor)
            .build();
    return next.getPath() + "?" + next.getQuery();
  }
}
