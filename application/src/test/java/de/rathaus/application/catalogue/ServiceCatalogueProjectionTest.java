package de.rathaus.application.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.catalogue.ServiceDefinitionContent;
import de.rathaus.domain.catalogue.ServiceDefinitionPublished;
import de.rathaus.domain.catalogue.ServiceDefinitionRetired;
import de.rathaus.domain.catalogue.ServiceKind;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import de.rathaus.domain.shared.ServiceCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

public class ServiceCatalogueProjectionTest {

  /** The port kept in memory, as the projection sees it. */
  public static final class InMemoryServiceViews implements ServiceViews {
    final Map<String, ServiceView> views = new HashMap<>();

    @Override
    public void save(ServiceView view) {
      views.put(view.code(), view);
    }

    @Override
    public Optional<ServiceView> find(String code) {
      return Optional.ofNullable(views.get(code));
    }

    @Override
    public List<ServiceView> listPublished() {
      List<ServiceView> published = new ArrayList<>();
      views.values().stream().filter(v -> !v.retired()).forEach(published::add);
      published.sort(Comparator.comparing(ServiceView::code));
      return published;
    }

    @Override
    public void clear() {
      views.clear();
    }
  }

  private final InMemoryServiceViews views = new InMemoryServiceViews();
  private final ServiceCatalogueProjection projection = new ServiceCatalogueProjection(views);

  public static ServiceDefinitionContent content(String name) {
    return new ServiceDefinitionContent(
        new LocalizedText(name, null),
        new LocalizedText("Beschreibung", "Description"),
        new DepartmentCode("buergeramt"),
        "Meldewesen",
        List.of(),
        ServiceKind.REQUEST,
        List.of(),
        1000,
        5,
        List.of(),
        null);
  }

  @Test
  void aPublishedServiceShowsItsLatestVersion() {
    ServiceCode code = new ServiceCode("meldebescheinigung");
    projection.on(new ServiceDefinitionPublished(code, 1, content("Alt")));
    projection.on(new ServiceDefinitionPublished(code, 2, content("Neu")));

    ServiceView view =
        projection.handle(new FindPublishedService("meldebescheinigung")).orElseThrow();

    assertThat(view.version()).isEqualTo(2);
    assertThat(view.content().name().de()).isEqualTo("Neu");
    assertThat(projection.handle(new ListPublishedServices())).hasSize(1);
  }

  @Test
  void aRetiredServiceLeavesTheCatalogue() {
    ServiceCode code = new ServiceCode("hundesteuer");
    projection.on(new ServiceDefinitionPublished(code, 1, content("Hundesteuer")));
    projection.on(new ServiceDefinitionRetired(code, 1, "abgeschafft"));

    assertThat(projection.handle(new FindPublishedService("hundesteuer"))).isEmpty();
    assertThat(projection.handle(new ListPublishedServices())).isEmpty();
  }

  @Test
  void aResetEmptiesTheReadModel() {
    projection.on(new ServiceDefinitionPublished(new ServiceCode("a1"), 1, content("A")));
    projection.reset();
    assertThat(views.views).isEmpty();
  }
}
