package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rathaus.api.portal.PortalProperties.Accessibility;
import de.rathaus.api.portal.PortalProperties.Text;
import de.rathaus.api.shared.DemoMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The city's texts: configured ones shown as written, demo ones only in demo mode. */
class PortalTextsTest {

  private static PortalProperties complete() {
    return new PortalProperties(
        "Stadt Heilbronn",
        new Text("Stadt Heilbronn\n\nMarktplatz 7", "City of Heilbronn"),
        new Text("Verantwortlich: die Stadt", null),
        new Accessibility(
            new Text("Teilweise barrierefrei", null),
            "barrierefreiheit@heilbronn.example",
            "+49 7131 56-0",
            new Text("Die Ombudsstelle", null)));
  }

  @Test
  void outsideDemoModeMissingTextsRefuseTheStartNamingEveryVariable() {
    assertThatThrownBy(
            () -> PortalTexts.of(new PortalProperties(null, null, null, null), DemoMode.OFF))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("RATHAUS_PORTAL_CITYNAME")
        .hasMessageContaining("RATHAUS_PORTAL_IMPRINT_DE")
        .hasMessageContaining("RATHAUS_PORTAL_PRIVACY_DE")
        .hasMessageContaining("RATHAUS_PORTAL_ACCESSIBILITY_STATEMENT_DE")
        .hasMessageContaining("RATHAUS_PORTAL_ACCESSIBILITY_EMAIL")
        .hasMessageContaining("RATHAUS_PORTAL_ACCESSIBILITY_ENFORCEMENT_DE");
  }

  @Test
  void outsideDemoModeABlankImprintIsAMissingOne() {
    PortalProperties p = complete();
    PortalProperties blank =
        new PortalProperties(p.cityName(), new Text("  ", "x"), p.privacy(), p.accessibility());
    assertThatThrownBy(() -> PortalTexts.of(blank, DemoMode.OFF))
        .hasMessageContaining("RATHAUS_PORTAL_IMPRINT_DE")
        .hasMessageNotContaining("RATHAUS_PORTAL_PRIVACY_DE");
  }

  @Test
  void outsideDemoModeAMissingPrivacyNoticeRefusesTheStart() {
    PortalProperties p = complete();
    PortalProperties none =
        new PortalProperties(p.cityName(), p.imprint(), null, p.accessibility());
    assertThatThrownBy(() -> PortalTexts.of(none, DemoMode.OFF))
        .hasMessageContaining("RATHAUS_PORTAL_PRIVACY_DE");
  }

  @Test
  void configuredTextsAreShownAsWrittenSplitIntoParagraphs() {
    PortalTexts texts = PortalTexts.of(complete(), DemoMode.OFF);
    assertThat(texts.cityName()).isEqualTo("Stadt Heilbronn");
    assertThat(texts.imprint("de"))
        .isEqualTo(new PortalTexts.Shown(List.of("Stadt Heilbronn", "Marktplatz 7"), "de", false));
    assertThat(texts.imprint("en").paragraphs()).containsExactly("City of Heilbronn");
    assertThat(texts.imprint("en").language()).isEqualTo("en");
    assertThat(texts.cityIsDemo()).isFalse();
    assertThat(texts.contactIsDemo()).isFalse();
  }

  @Test
  void englishFallsBackToTheGermanTextMarkedGerman() {
    PortalTexts.Shown privacy = PortalTexts.of(complete(), DemoMode.OFF).privacy("en");
    assertThat(privacy.language()).isEqualTo("de");
    assertThat(privacy.paragraphs()).containsExactly("Verantwortlich: die Stadt");
  }

  @Test
  void demoModeFillsWhatIsMissingWithDemoTextsMarkedAsDemo() {
    PortalTexts texts = PortalTexts.of(new PortalProperties(null, null, null, null), DemoMode.ON);
    assertThat(texts.cityIsDemo()).isTrue();
    assertThat(texts.imprint("de").demo()).isTrue();
    assertThat(texts.imprint("de").paragraphs().get(0)).startsWith("Demo-Text");
    assertThat(texts.imprint("en").paragraphs().get(0)).startsWith("Demo text");
    assertThat(texts.privacy("de").demo()).isTrue();
    assertThat(texts.accessibilityStatement("de").demo()).isTrue();
    assertThat(texts.enforcement("de").demo()).isTrue();
    assertThat(texts.contactIsDemo()).isTrue();
  }

  @Test
  void demoModeShowsWhatTheCityConfiguredAsNoDemo() {
    PortalTexts texts = PortalTexts.of(complete(), DemoMode.ON);
    assertThat(texts.imprint("de").demo()).isFalse();
    assertThat(texts.cityIsDemo()).isFalse();
  }
}
