package de.rathaus.api.portal;

import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.domain.catalogue.ServiceDefinitionContent;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Which services a visitor's search finds: every word they typed must occur in the service's name
 * (German or English), one of its keywords or its group, ignoring case and accents ({@code Fallung}
 * finds {@code Fällung}); a department, when chosen, must be the service's. Sorted by the name in
 * the visitor's language.
 */
final class CatalogueSearch {

  /** The longest search a visitor may type. */
  static final int MAX_QUERY = 100;

  private CatalogueSearch() {}

  static List<ServiceView> find(
      List<ServiceView> services, String query, String department, String language) {
    List<String> words = words(query);
    return services.stream()
        .filter(s -> department == null || s.content().department().value().equals(department))
        .filter(s -> words.stream().allMatch(word -> haystack(s.content()).contains(word)))
        .sorted(
            Comparator.comparing((ServiceView s) -> folded(s.content().name().in(language)))
                .thenComparing(ServiceView::code))
        .toList();
  }

  private static List<String> words(String query) {
    if (query == null || query.isBlank()) {
      return List.of();
    }
    return Arrays.stream(folded(query).split("\\s+")).filter(w -> !w.isEmpty()).toList();
  }

  private static String haystack(ServiceDefinitionContent content) {
    return folded(
        String.join(
            " ",
            Stream.concat(
                    Stream.of(
                        content.name().de(),
                        content.name().en() == null ? "" : content.name().en(),
                        content.group()),
                    content.keywords().stream())
                .toList()));
  }

  /** Lower case without accents, so that {@code ä} matches {@code a} and {@code Ä}. */
  static String folded(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .replace("ß", "ss")
        .toLowerCase(Locale.ROOT);
  }
}
