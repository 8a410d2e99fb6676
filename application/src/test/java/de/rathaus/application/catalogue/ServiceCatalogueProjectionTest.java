package de.rathaus.application.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.catalogue.ServiceDefinitionContent;
import de.rathaus.domain.catalogue.ServiceDefinitionPublished;
import de.rathaus.domain.catalogue.ServiceDefinitionRetired;
import de.rathaus.domain.catalogue.ServiceKind;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import de.rathaus.domain.shared.ServiceCode;
import java.util.List;
import org.junit.jupiter.api.Test;

public class ServiceCatalogueProjectionTest {

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
    projection.on(new ServiceDefinitionPublished(code, 1, content("Alt")), 1);
    projection.on(new ServiceDefinitionPublished(code, 2, content("Neu")), 3);

    ServiceView view =
        projection.handle(new FindPublishedService("meldebescheinigung")).orElseThrow();

    assertThat(view.version()).isEqualTo(2);
    assertThat(view.content().name().de()).isEqualTo("Neu");
    assertThat(projection.handle(new ListPublishedServices())).hasSize(1);
  }

  @Test
  void aRetiredServiceLeavesTheCatalogue() {
    ServiceCode code = new ServiceCode("hundesteuer");
    projection.on(new ServiceDefinitionPublished(code, 1, content("Hundesteuer")), 1);
    projection.on(new ServiceDefinitionRetired(code, 1, "abgeschafft"), 2);

    assertThat(projection.handle(new FindPublishedService("hundesteuer"))).isEmpty();
    assertThat(projection.handle(new ListPublishedServices())).isEmpty();
  }

  @Test
  void aResetEmptiesTheReadModel() {
    projection.on(new ServiceDefinitionPublished(new ServiceCode("a1"), 1, content("A")), 1);
    projection.reset();
    assertThat(views.listPublished()).isEmpty();
    assertThat(views.find("a1")).isEmpty();
  }

  @Test
  void aRedeliveredPublicationChangesNothing() {
    ServiceCode code = new ServiceCode("meldebescheinigung");
    projection.on(new ServiceDefinitionPublished(code, 1, content("Alt")), 1);
    projection.on(new ServiceDefinitionPublished(code, 2, content("Neu")), 3);
    projection.on(new ServiceDefinitionRetired(code, 2, "abgeschafft"), 4);
    projection.on(new ServiceDefinitionPublished(code, 1, content("Alt")), 1);
    projection.on(new ServiceDefinitionPublished(code, 2, content("Neu")), 3);

    ServiceView view = views.find("meldebescheinigung").orElseThrow();
    assertThat(view.retired()).isTrue();
    assertThat(view.version()).isEqualTo(2);
    assertThat(view.sequence()).isEqualTo(4);
  }
}
