package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.application.catalogue.ServiceView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which services a search finds, and in which order. */
class CatalogueSearchTest {

  private static final List<ServiceView> ALL =
      List.of(PortalPagesTest.PERMIT, PortalPagesTest.CERTIFICATE);

  private static List<String> codes(List<ServiceView> found) {
    return found.stream().map(ServiceView::code).toList();
  }

  @Test
  void noQueryAndNoDepartmentFindsEverythingSortedByName() {
    assertThat(codes(CatalogueSearch.find(ALL, "", null, "de")))
        .containsExactly("bewohnerparken", "meldebescheinigung");
  }

  @Test
  void findsByAWordOfTheNameInEitherLanguage() {
    assertThat(codes(CatalogueSearch.find(ALL, "parking", null, "de")))
        .containsExactly("bewohnerparken");
    assertThat(codes(CatalogueSearch.find(ALL, "melde", null, "de")))
        .containsExactly("meldebescheinigung");
  }

  @Test
  void findsByKeywordAndGroupIgnoringCaseAndAccents() {
    assertThat(codes(CatalogueSearch.find(ALL, "auto", null, "de")))
        .containsExactly("bewohnerparken");
    assertThat(codes(CatalogueSearch.find(ALL, "MELDEWESEN", null, "de")))
        .containsExactly("meldebescheinigung");
    assertThat(CatalogueSearch.folded("Fällung Straße")).isEqualTo("fallung strasse");
  }

  @Test
  void everyWordMustMatch() {
    assertThat(CatalogueSearch.find(ALL, "parken wohnsitz", null, "de")).isEmpty();
  }

  @Test
  void theDescriptionIsNotSearched() {
    assertThat(CatalogueSearch.find(ALL, "Wohngebiet", null, "de")).isEmpty();
  }

  @Test
  void aDepartmentKeepsOnlyItsServices() {
    assertThat(codes(CatalogueSearch.find(ALL, null, "buergeramt", "de")))
        .containsExactly("meldebescheinigung");
    assertThat(CatalogueSearch.find(ALL, "parken", "buergeramt", "de")).isEmpty();
  }

  @Test
  void sortsByTheNameInTheVisitorsLanguage() {
    assertThat(codes(CatalogueSearch.find(ALL, null, null, "en")))
        .containsExactly("meldebescheinigung", "bewohnerparken");
  }
}
