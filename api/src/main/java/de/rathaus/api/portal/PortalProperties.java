package de.rathaus.api.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the city writes into its portal ({@code RATHAUS_PORTAL_*}). Outside demo mode the city's
 * name, the imprint, the privacy notice, the accessibility statement with its feedback contact and
 * the enforcement procedure are required: the portal does not start without them ({@link
 * PortalTexts}). Demo mode shows demo texts, marked as such, for whatever is missing. Texts are
 * plain text; an empty line starts a new paragraph.
 *
 * @param cityName the city's name in every page's header, e.g. {@code Stadt Heilbronn}
 * @param imprint the Impressum (who runs the portal, § 5 DDG), German required, English optional
 * @param privacy the Datenschutzerklärung (Art. 13 GDPR), German required, English optional
 * @param accessibility the Erklärung zur Barrierefreiheit and its feedback mechanism (BITV 2.0 § 7)
 */
@ConfigurationProperties("rathaus.portal")
public record PortalProperties(
    String cityName, Text imprint, Text privacy, Accessibility accessibility) {

  public PortalProperties {
    cityName = blankToNull(cityName);
    imprint = imprint == null ? Text.NONE : imprint;
    privacy = privacy == null ? Text.NONE : privacy;
    accessibility = accessibility == null ? Accessibility.NONE : accessibility;
  }

  /**
   * A text in German and, optionally, English.
   *
   * @param de the German text (the official one)
   * @param en the English text; without it English pages show the German text, marked German
   */
  public record Text(String de, String en) {

    static final Text NONE = new Text(null, null);

    public Text {
      de = blankToNull(de);
      en = blankToNull(en);
    }
  }

  /**
   * The accessibility statement and how people reach the city about barriers.
   *
   * @param statement the statement itself: how far the portal conforms, what is not accessible yet
   *     and why (BITV 2.0 § 7 (1))
   * @param email where people report barriers or ask for content in an accessible form (required
   *     outside demo mode)
   * @param phone a phone number for the same, optional
   * @param enforcement the enforcement procedure: which Schlichtungsstelle or Ombudsstelle people
   *     turn to when the city's answer does not satisfy them
   */
  public record Accessibility(Text statement, String email, String phone, Text enforcement) {

    static final Accessibility NONE = new Accessibility(null, null, null, null);

    public Accessibility {
      statement = statement == null ? Text.NONE : statement;
      email = blankToNull(email);
      phone = blankToNull(phone);
      enforcement = enforcement == null ? Text.NONE : enforcement;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
