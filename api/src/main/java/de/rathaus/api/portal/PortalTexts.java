package de.rathaus.api.portal;

import de.rathaus.api.portal.PortalProperties.Text;
import de.rathaus.api.shared.DemoMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The city's texts as the portal shows them: what the city configured ({@link PortalProperties}),
 * or, in demo mode only, a demo text marked as one. Outside demo mode a missing required text
 * refuses the start ({@link #of}), naming every variable to set, because a public body's portal
 * must not go online without its imprint, privacy notice and accessibility statement.
 */
public final class PortalTexts {

  /**
   * A text in the language it is shown in.
   *
   * @param paragraphs the paragraphs (split at empty lines), plain text
   * @param language the language the text is in: {@code en} only where an English one exists
   * @param demo whether it is a demo text the city must replace
   */
  public record Shown(List<String> paragraphs, String language, boolean demo) {
    public Shown {
      paragraphs = List.copyOf(paragraphs);
    }
  }

  private final String cityName;
  private final Text imprint;
  private final Text privacy;
  private final Text statement;
  private final Text enforcement;
  private final String email;
  private final String phone;
  private final List<String> demoTexts;

  private PortalTexts(
      String cityName,
      Text imprint,
      Text privacy,
      Text statement,
      Text enforcement,
      String email,
      String phone,
      List<String> demoTexts) {
    this.cityName = cityName;
    this.imprint = imprint;
    this.privacy = privacy;
    this.statement = statement;
    this.enforcement = enforcement;
    this.email = email;
    this.phone = phone;
    this.demoTexts = List.copyOf(demoTexts);
  }

  /**
   * The texts for this mode: outside demo mode every required one must be configured, else this
   * throws an {@link IllegalStateException} naming the missing variables.
   */
  public static PortalTexts of(PortalProperties properties, DemoMode mode) {
    PortalProperties.Accessibility accessibility = properties.accessibility();
    List<String> missing = new ArrayList<>();
    if (properties.cityName() == null) {
      missing.add("RATHAUS_PORTAL_CITYNAME");
    }
    if (properties.imprint().de() == null) {
      missing.add("RATHAUS_PORTAL_IMPRINT_DE");
    }
    if (properties.privacy().de() == null) {
      missing.add("RATHAUS_PORTAL_PRIVACY_DE");
    }
    if (accessibility.statement().de() == null) {
      missing.add("RATHAUS_PORTAL_ACCESSIBILITY_STATEMENT_DE");
    }
    if (accessibility.email() == null) {
      missing.add("RATHAUS_PORTAL_ACCESSIBILITY_EMAIL");
    }
    if (accessibility.enforcement().de() == null) {
      missing.add("RATHAUS_PORTAL_ACCESSIBILITY_ENFORCEMENT_DE");
    }
    if (!missing.isEmpty() && mode != DemoMode.ON) {
      throw new IllegalStateException(
          "The portal needs the city's own texts outside demo mode (a public body's site must"
              + " name who runs it, how it handles personal data and how accessible it is): set "
              + String.join(", ", missing));
    }
    return new PortalTexts(
        or(properties.cityName(), DemoTexts.CITY),
        or(properties.imprint(), DemoTexts.IMPRINT),
        or(properties.privacy(), DemoTexts.PRIVACY),
        or(accessibility.statement(), DemoTexts.STATEMENT),
        or(accessibility.enforcement(), DemoTexts.ENFORCEMENT),
        or(accessibility.email(), DemoTexts.EMAIL),
        accessibility.email() == null
            ? or(accessibility.phone(), DemoTexts.PHONE)
            : accessibility.phone(),
        missing);
  }

  private static String or(String configured, String demo) {
    return configured == null ? demo : configured;
  }

  private static Text or(Text configured, Text demo) {
    return configured.de() == null ? demo : configured;
  }

  public String cityName() {
    return cityName;
  }

  public Shown imprint(String language) {
    return shown(imprint, language, "RATHAUS_PORTAL_IMPRINT_DE");
  }

  public Shown privacy(String language) {
    return shown(privacy, language, "RATHAUS_PORTAL_PRIVACY_DE");
  }

  public Shown accessibilityStatement(String language) {
    return shown(statement, language, "RATHAUS_PORTAL_ACCESSIBILITY_STATEMENT_DE");
  }

  public Shown enforcement(String language) {
    return shown(enforcement, language, "RATHAUS_PORTAL_ACCESSIBILITY_ENFORCEMENT_DE");
  }

  /** Where people report barriers. */
  public String accessibilityEmail() {
    return email;
  }

  /** A phone number for the same, or null. */
  public String accessibilityPhone() {
    return phone;
  }

  /** Whether the feedback contact is a demo one. */
  public boolean contactIsDemo() {
    return demoTexts.contains("RATHAUS_PORTAL_ACCESSIBILITY_EMAIL");
  }

  /** Whether the city's name is a demo one. */
  public boolean cityIsDemo() {
    return demoTexts.contains("RATHAUS_PORTAL_CITYNAME");
  }

  private Shown shown(Text text, String language, String variable) {
    boolean english = "en".equals(language) && text.en() != null;
    String chosen = english ? text.en() : text.de();
    List<String> paragraphs =
        Arrays.stream(chosen.replace("\r\n", "\n").split("\n\\s*\n"))
            .map(String::strip)
            .filter(p -> !p.isEmpty())
            .toList();
    return new Shown(paragraphs, english ? "en" : "de", demoTexts.contains(variable));
  }
}
