package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.domain.catalogue.AllowedValue;
import de.rathaus.domain.catalogue.AttributeDatatype;
import de.rathaus.domain.catalogue.DepartmentContact;
import de.rathaus.domain.catalogue.ServiceAttribute;
import de.rathaus.domain.catalogue.ServiceDefinitionContent;
import de.rathaus.domain.catalogue.ServiceKind;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The portal's controller and its security chain in a web slice, over a catalogue given here: what
 * each page shows, bad input answered as a page with the error next to its field, the language
 * switch (CSRF token required, cookie {@code HttpOnly} and {@code SameSite}, back to portal pages
 * only), and the headers every page carries.
 */
@WebMvcTest(
    controllers = PortalController.class,
    excludeFilters =
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = RestControllerAdvice.class))
@Import(PortalConfiguration.class)
class PortalPagesTest {

  @Autowired MockMvc mvc;
  @MockitoBean PortalCatalogue catalogue;

  static final DepartmentView ORDNUNGSAMT =
      new DepartmentView(
          new DepartmentCode("ordnungsamt"),
          new LocalizedText("Ordnungsamt", "Public Order Office"),
          new DepartmentContact("ordnungsamt@stadt.example", "+49 7131 56-0"),
          true,
          0);

  static final DepartmentView BUERGERAMT =
      new DepartmentView(
          new DepartmentCode("buergeramt"),
          new LocalizedText("Bürgeramt", null),
          new DepartmentContact(null, null),
          true,
          0);

  static final ServiceView PERMIT =
      ServiceView.published(
          "bewohnerparken",
          2,
          new ServiceDefinitionContent(
              new LocalizedText("Bewohnerparkausweis", "Residents' parking permit"),
              new LocalizedText("Parken im Wohngebiet", "Parking where you live"),
              new DepartmentCode("ordnungsamt"),
              "Verkehr",
              List.of("Parken", "Auto"),
              ServiceKind.REQUEST,
              List.of(
                  new ServiceAttribute(
                      "zone",
                      AttributeDatatype.SINGLEVALUELIST,
                      true,
                      2,
                      new LocalizedText("Parkzone", "Parking zone"),
                      List.of(new AllowedValue("a", new LocalizedText("Zone Nord", "North zone")))),
                  new ServiceAttribute(
                      "kennzeichen",
                      AttributeDatatype.STRING,
                      false,
                      1,
                      new LocalizedText("Kennzeichen", null),
                      List.of())),
              3060,
              10,
              List.of(new LocalizedText("Fahrzeugschein", "Vehicle registration")),
              null));

  static final ServiceView CERTIFICATE =
      ServiceView.published(
          "meldebescheinigung",
          1,
          new ServiceDefinitionContent(
              new LocalizedText("Meldebescheinigung", "Certificate of registration"),
              new LocalizedText("Bescheinigung über die Anmeldung", "Proof of registration"),
              new DepartmentCode("buergeramt"),
              "Meldewesen",
              List.of("Wohnsitz"),
              ServiceKind.REQUEST,
              List.of(),
              0,
              3,
              List.of(),
              null));

  @BeforeEach
  void catalogue() {
    when(catalogue.departments()).thenReturn(List.of(ORDNUNGSAMT, BUERGERAMT));
    when(catalogue.services()).thenReturn(List.of(PERMIT, CERTIFICATE));
    when(catalogue.service("bewohnerparken")).thenReturn(Optional.of(PERMIT));
    when(catalogue.service("unbekannt")).thenReturn(Optional.empty());
  }

  private String page(MvcResult result) throws Exception {
    return result.getResponse().getContentAsString();
  }

  @Test
  void theStartPageIsGermanByDefaultWithSkipLinkLanguageSwitchAndLegalLinks() throws Exception {
    MvcResult result = mvc.perform(get("/portal")).andExpect(status().isOk()).andReturn();
    String html = page(result);
    assertThat(html).contains("<html lang=\"de\"");
    assertThat(html).contains("Musterstadt (Demo)");
    assertThat(html.indexOf("class=\"skip-link\" href=\"#main\""))
        .as("the skip link comes before every other link")
        .isLessThan(html.indexOf("<a href=\"/portal\""));
    assertThat(html).contains("<main id=\"main\" tabindex=\"-1\"");
    assertThat(html)
        .contains(
            "href=\"/portal/impressum\"",
            "href=\"/portal/datenschutz\"",
            "href=\"/portal/barrierefreiheit\"");
    assertThat(html).contains("href=\"/portal/leistungen?amt=ordnungsamt\"");
    assertThat(html).contains("name=\"_csrf\"").as("the switch is a form with the CSRF token");
  }

  @Test
  void acceptLanguageEnglishAnswersInEnglishAndAnyOtherLanguageInGerman() throws Exception {
    String english =
        page(mvc.perform(get("/portal").header("Accept-Language", "en-GB,en;q=0.9")).andReturn());
    assertThat(english).contains("<html lang=\"en\"").contains("Skip to content");
    assertThat(english).contains("<a href=\"/portal/leistungen?amt=buergeramt\" lang=\"de\">");
    String french = page(mvc.perform(get("/portal").header("Accept-Language", "fr")).andReturn());
    assertThat(french).contains("<html lang=\"de\"").contains("Zum Inhalt springen");
  }

  @Test
  void everyPageCarriesAContentSecurityPolicyWithoutInlineScriptOrOtherHosts() throws Exception {
    for (String path :
        List.of(
            "/portal",
            "/portal/leistungen",
            "/portal/leistungen/bewohnerparken",
            "/portal/impressum",
            "/portal/datenschutz",
            "/portal/barrierefreiheit")) {
      MvcResult result = mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
      String policy = result.getResponse().getHeader("Content-Security-Policy");
      assertThat(policy).as(path).contains("script-src 'self'").contains("default-src 'none'");
      assertThat(policy).as(path).doesNotContain("unsafe-inline").doesNotContain("http");
      assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(page(result)).as(path).doesNotContain("<script").doesNotContain("style=");
    }
  }

  @Test
  void theCatalogueListsEveryServiceSortedByName() throws Exception {
    String html = page(mvc.perform(get("/portal/leistungen")).andReturn());
    assertThat(html).contains("2 Leistungen gefunden");
    assertThat(html.indexOf("Bewohnerparkausweis")).isLessThan(html.indexOf("Meldebescheinigung"));
  }

  @Test
  void searchFindsByKeywordIgnoringCaseAndAccents() throws Exception {
    String html = page(mvc.perform(get("/portal/leistungen").param("q", "WOHNSITZ")).andReturn());
    assertThat(html).contains("1 Leistungen gefunden").contains("Meldebescheinigung");
    assertThat(html).doesNotContain("Bewohnerparkausweis");
    assertThat(html).contains("value=\"WOHNSITZ\"").as("the search stays in its field");
  }

  @Test
  void theDepartmentFilterShowsOnlyThatDepartmentsServices() throws Exception {
    String html =
        page(mvc.perform(get("/portal/leistungen").param("amt", "ordnungsamt")).andReturn());
    assertThat(html).contains("1 Leistungen gefunden").contains("Bewohnerparkausweis");
    assertThat(html).doesNotContain("Meldebescheinigung</a>");
    assertThat(html).contains("<option value=\"ordnungsamt\" selected=\"selected\">");
  }

  @Test
  void anUnknownDepartmentIs400WithTheErrorNextToTheField() throws Exception {
    String html =
        page(
            mvc.perform(get("/portal/leistungen").param("amt", "<b>x</b>"))
                .andExpect(status().isBadRequest())
                .andReturn());
    assertThat(html).contains("id=\"amt-error\"").contains("aria-invalid=\"true\"");
    assertThat(html).contains("Dieses Amt gibt es nicht");
    assertThat(html).doesNotContain("<b>x</b>");
  }

  @Test
  void aSearchLongerThan100CharactersIs400WithTheErrorNextToTheField() throws Exception {
    String html =
        page(
            mvc.perform(get("/portal/leistungen").param("q", "x".repeat(101)))
                .andExpect(status().isBadRequest())
                .andReturn());
    assertThat(html).contains("id=\"q-error\"").contains("höchstens 100 Zeichen");
    assertThat(html).contains("aria-describedby=\"q-hint q-error\"");
  }

  @Test
  void aServicesPageShowsCostDurationDocumentsAndFieldsInOrder() throws Exception {
    String html = page(mvc.perform(get("/portal/leistungen/bewohnerparken")).andReturn());
    assertThat(html).contains("<h1>Bewohnerparkausweis</h1>");
    assertThat(html).contains("30,60\u00a0€");
    assertThat(html).contains("Ziel: 10 Tage");
    assertThat(html).contains("Fahrzeugschein");
    assertThat(html).contains("Ordnungsamt").contains("mailto:ordnungsamt@stadt.example");
    assertThat(html).contains("tel:+497131560".replace("560", "56-0"));
    assertThat(html.indexOf("Kennzeichen")).as("by order").isLessThan(html.indexOf("Parkzone"));
    assertThat(html).contains("Pflichtangabe").contains("freiwillig").contains("Zone Nord");
    assertThat(html).contains("Version 2");
  }

  @Test
  void aServicesPageInEnglishMarksTextsOnlyGivenInGerman() throws Exception {
    String html =
        page(
            mvc.perform(get("/portal/leistungen/bewohnerparken").header("Accept-Language", "en"))
                .andReturn());
    assertThat(html).contains("<h1>Residents&#39; parking permit</h1>").contains("€30.60");
    assertThat(html).contains("<span class=\"field-label\" lang=\"de\">Kennzeichen</span>");
  }

  @Test
  void anUnknownServiceIsA404Page() throws Exception {
    String html =
        page(
            mvc.perform(get("/portal/leistungen/unbekannt"))
                .andExpect(status().isNotFound())
                .andReturn());
    assertThat(html).contains("Seite nicht gefunden").contains("<html lang=\"de\"");
  }

  @Test
  void anAddressOfThePortalWithoutAPageIsThePortals404PageInTheVisitorsLanguage() throws Exception {
    MvcResult result =
        mvc.perform(get("/portal/gibt-es-nicht").header("Accept-Language", "en"))
            .andExpect(status().isNotFound())
            .andReturn();
    assertThat(result.getResponse().getContentType()).startsWith("text/html");
    assertThat(page(result))
        .contains("<html lang=\"en\"")
        .contains("Page not found")
        .contains("There is no page at this address.")
        .contains("href=\"/portal/impressum\"");
  }

  @Test
  void anAddressOutsideThePortalIsNotAnsweredByThePortal() throws Exception {
    MvcResult result = mvc.perform(get("/gibt-es-nicht")).andReturn();
    assertThat(page(result)).doesNotContain("Seite nicht gefunden");
  }

  @Test
  void theLegalPagesShowTheDemoTextsMarkedAsDemo() throws Exception {
    assertThat(page(mvc.perform(get("/portal/impressum")).andReturn()))
        .contains("<h1>Impressum</h1>")
        .contains("Dies ist ein Demo-Text")
        .contains("RATHAUS_PORTAL_IMPRINT_DE");
    assertThat(page(mvc.perform(get("/portal/datenschutz")).andReturn()))
        .contains("<h1>Datenschutzerklärung</h1>")
        .contains("RATHAUS_PORTAL_PRIVACY_DE");
    assertThat(page(mvc.perform(get("/portal/barrierefreiheit")).andReturn()))
        .contains("Barriere melden")
        .contains("mailto:barrierefreiheit@stadt.example")
        .contains("Schlichtungsverfahren")
        .contains("§ 16 Behindertengleichstellungsgesetz");
  }

  @Test
  void theLanguageSwitchNeedsTheCsrfTokenAndWithoutOneSaysSoOnAPageWithANewOne() throws Exception {
    MvcResult result =
        mvc.perform(
                post("/portal/sprache")
                    .param("lang", "en")
                    .param("zurueck", "/portal/leistungen?q=x"))
            .andExpect(status().isForbidden())
            .andReturn();
    assertThat(result.getResponse().getCookie(PortalLanguage.COOKIE)).as("not switched").isNull();
    String html = page(result);
    assertThat(html).contains("<h1>Formular abgelaufen</h1>").contains("Es wurde nichts geändert");
    assertThat(html).contains("name=\"_csrf\"").contains("href=\"/portal/leistungen?q=x\"");
    assertThat(result.getResponse().getHeader("Content-Security-Policy")).isNotNull();
    mvc.perform(
            post("/portal/sprache")
                .with(csrf().useInvalidToken())
                .param("lang", "en")
                .param("zurueck", "https://evil.example/"))
        .andExpect(status().isForbidden())
        .andExpect(
            result2 ->
                assertThat(result2.getResponse().getContentAsString())
                    .contains("href=\"/portal\"")
                    .doesNotContain("evil.example"));
  }

  @Test
  void theLanguageSwitchSetsAnHttpOnlySameSiteCookieAndGoesBack() throws Exception {
    MvcResult result =
        mvc.perform(
                post("/portal/sprache")
                    .with(csrf())
                    .param("lang", "en")
                    .param("zurueck", "/portal/leistungen?q=parken"))
            .andExpect(status().isSeeOther())
            .andExpect(header().string("Location", "/portal/leistungen?q=parken"))
            .andReturn();
    String cookie = result.getResponse().getHeader("Set-Cookie");
    assertThat(cookie)
        .startsWith(PortalLanguage.COOKIE + "=en")
        .contains("HttpOnly")
        .contains("SameSite=Lax")
        .contains("Path=/portal");
    String english =
        page(
            mvc.perform(
                    get("/portal")
                        .header("Accept-Language", "de")
                        .cookie(new Cookie(PortalLanguage.COOKIE, "en")))
                .andReturn());
    assertThat(english).as("the choice beats Accept-Language").contains("<html lang=\"en\"");
  }

  @Test
  void aCookieWithAnotherLanguageIsIgnored() throws Exception {
    String html =
        page(
            mvc.perform(get("/portal").cookie(new Cookie(PortalLanguage.COOKIE, "fr")))
                .andReturn());
    assertThat(html).contains("<html lang=\"de\"");
  }

  @Test
  void theLanguageSwitchRefusesAnotherLanguage() throws Exception {
    mvc.perform(post("/portal/sprache").with(csrf()).param("lang", "fr"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void theLanguageSwitchNeverSendsVisitorsOffThePortal() throws Exception {
    for (String target :
        List.of(
            "//evil.example/portal",
            "https://evil.example/portal",
            "/\\evil.example",
            "/api/v1/requests",
            "/portal/../api/v1/requests",
            "javascript:alert(1)",
            "/portalx")) {
      mvc.perform(post("/portal/sprache").with(csrf()).param("lang", "de").param("zurueck", target))
          .andExpect(status().isSeeOther())
          .andExpect(header().string("Location", "/portal"));
    }
  }

  @Test
  void otherMethodsOnPortalPathsAreRefused() throws Exception {
    mvc.perform(post("/portal/leistungen").with(csrf())).andExpect(status().isForbidden());
  }
}
