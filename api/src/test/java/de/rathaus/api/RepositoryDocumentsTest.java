package de.rathaus.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The documents a public body expects at the top of the repository say what the build says: {@code
 * publiccode.yml} has the keys version 0.4 of the publiccode.yml standard makes mandatory, with
 * valid values, and agrees with {@code LICENSE} and {@code pom.xml} (licence, version, Java); and
 * the contributors' documents point only at files inside the repository that exist, so that a
 * renamed class cannot leave a recipe naming a file that is gone.
 */
class RepositoryDocumentsTest {

  /** The documents whose links and file names are checked. */
  static final List<String> DOCUMENTS =
      List.of("README.md", "CONTRIBUTING.md", "SECURITY.md", "CHANGELOG.md", "docs/design.md");

  // the value lists of version 0.4 of the standard
  static final Set<String> PLATFORMS = Set.of("web", "windows", "mac", "linux", "ios", "android");
  static final Set<String> DEVELOPMENT_STATUS =
      Set.of("concept", "development", "beta", "stable", "obsolete");
  static final Set<String> SOFTWARE_TYPES =
      Set.of(
          "standalone/mobile",
          "standalone/iot",
          "standalone/desktop",
          "standalone/web",
          "standalone/backend",
          "standalone/other",
          "addon",
          "library",
          "configurationFiles");
  static final Set<String> MAINTENANCE_TYPES = Set.of("internal", "contract", "community", "none");
  static final Set<String> SCOPES =
      Set.of(
          "agriculture",
          "culture",
          "defence",
          "education",
          "emergency-services",
          "employment",
          "energy",
          "environment",
          "finance-and-economic-development",
          "foreign-affairs",
          "government",
          "healthcare",
          "infrastructures",
          "justice",
          "local-authorities",
          "manufacturing",
          "research",
          "science-and-technology",
          "security",
          "society",
          "sport",
          "tourism",
          "transportation",
          "welfare");

  /** The categories list of version 0.4 of the standard. */
  static final Set<String> CATEGORIES =
      Set.of(
          "accounting",
          "agile-project-management",
          "applicant-tracking",
          "application-development",
          "appointment-scheduling",
          "backup",
          "billing-and-invoicing",
          "blog",
          "budgeting",
          "business-intelligence",
          "business-process-management",
          "cad",
          "call-center-management",
          "cloud-management",
          "collaboration",
          "communications",
          "compliance-management",
          "contact-management",
          "content-management",
          "crm",
          "customer-service-and-support",
          "data-analytics",
          "data-collection",
          "data-visualization",
          "design",
          "design-system",
          "digital-asset-management",
          "digital-citizenship",
          "document-management",
          "donor-management",
          "e-commerce",
          "e-signature",
          "educational-content",
          "email-management",
          "email-marketing",
          "employee-management",
          "enterprise-project-management",
          "enterprise-social-networking",
          "erp",
          "event-management",
          "facility-management",
          "feedback-and-reviews-management",
          "financial-reporting",
          "fleet-management",
          "fundraising",
          "gamification",
          "geographic-information-systems",
          "grant-management",
          "graphic-design",
          "help-desk",
          "hr",
          "ide",
          "identity-management",
          "instant-messaging",
          "integrated-library-system",
          "inventory-management",
          "it-asset-management",
          "it-development",
          "it-management",
          "it-security",
          "it-service-management",
          "knowledge-management",
          "learning-management-system",
          "marketing",
          "mind-mapping",
          "mobile-marketing",
          "mobile-payment",
          "network-management",
          "office",
          "online-booking",
          "online-community",
          "payment-gateway",
          "payroll",
          "predictive-analysis",
          "procurement",
          "productivity-suite",
          "project-collaboration",
          "project-management",
          "property-management",
          "real-estate-management",
          "regulations-and-directives",
          "remote-support",
          "resource-management",
          "sales-management",
          "seo",
          "service-desk",
          "social-media-management",
          "survey",
          "talent-management",
          "task-management",
          "taxes-management",
          "test-management",
          "time-management",
          "time-tracking",
          "translation",
          "video-conferencing",
          "video-editing",
          "visitor-management",
          "voip",
          "warehouse-management",
          "web-collaboration",
          "web-conferencing",
          "website-builder",
          "whistleblowing",
          "workflow-management");

  private static Path root;
  private static Map<String, Object> publiccode;
  private static Document pom;

  @BeforeAll
  static void read() throws Exception {
    root = repositoryRoot();
    try (var in = Files.newInputStream(root.resolve("publiccode.yml"))) {
      publiccode = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    pom = factory.newDocumentBuilder().parse(root.resolve("pom.xml").toFile());
  }

  @Test
  void publiccodeNamesItsVersionAndTheSoftware() {
    assertThat(publiccode.get("publiccodeYmlVersion")).isEqualTo("0.4");
    assertThat(text("name")).isNotBlank();
    URI url = URI.create(text("url"));
    assertThat(url.isAbsolute() && url.getScheme().startsWith("http"))
        .as("url is the repository's http(s) address: %s", url)
        .isTrue();
    assertThat(text("softwareVersion"))
        .as("softwareVersion is the pom's version")
        .isEqualTo(pomValue("version"));
  }

  @Test
  void publiccodeDatesAreIsoDates() {
    Object releaseDate = publiccode.get("releaseDate");
    assertThat(releaseDate)
        .as("releaseDate is a quoted YYYY-MM-DD (unquoted, YAML reads a timestamp)")
        .isInstanceOf(String.class);
    assertThat((String) releaseDate).matches("\\d{4}-\\d{2}-\\d{2}");
    try {
      assertThat(LocalDate.parse((String) releaseDate)).isBeforeOrEqualTo(LocalDate.now());
    } catch (DateTimeParseException e) {
      throw new AssertionError("releaseDate is no date: " + releaseDate, e);
    }
  }

  @Test
  void publiccodeClassifiesTheSoftwareWithTheStandardsValues() {
    assertThat(strings(publiccode.get("platforms"))).contains("web").isSubsetOf(PLATFORMS);
    assertThat(strings(publiccode.get("categories"))).isNotEmpty().isSubsetOf(CATEGORIES);
    assertThat(text("developmentStatus")).isIn(DEVELOPMENT_STATUS);
    assertThat(text("softwareType")).isIn(SOFTWARE_TYPES);
    Map<String, Object> audience = section(publiccode, "intendedAudience");
    assertThat(strings(audience.get("countries"))).allMatch(c -> c.matches("[a-z]{2}"));
    assertThat(strings(audience.get("scope"))).isSubsetOf(SCOPES);
  }

  @Test
  void publiccodeDescribesTheSoftwareInGermanAndEnglish() {
    Map<String, Object> description = section(publiccode, "description");
    assertThat(description).containsKeys("de", "en");
    for (Map.Entry<String, Object> language : description.entrySet()) {
      assertThat(isLanguageTag(language.getKey()))
          .as("%s is a BCP 47 language tag", language.getKey())
          .isTrue();
      Map<String, Object> text = section(description, language.getKey());
      String lang = language.getKey();
      assertThat((String) text.get("shortDescription"))
          .as("description.%s.shortDescription (at most 150 characters)", lang)
          .isNotBlank()
          .hasSizeLessThanOrEqualTo(150);
      assertThat((String) text.get("longDescription"))
          .as("description.%s.longDescription (150 to 10,000 characters)", lang)
          .hasSizeBetween(150, 10_000);
      assertThat(strings(text.get("features")))
          .as("description.%s.features", lang)
          .isNotEmpty()
          .allMatch(feature -> !feature.isBlank());
    }
  }

  @Test
  void theLicenceIsEupl12EverywhereItIsNamed() throws IOException {
    assertThat(section(publiccode, "legal").get("license")).isEqualTo("EUPL-1.2");
    assertThat(text(section(publiccode, "legal"), "mainCopyrightOwner")).isNotBlank();
    String licence = Files.readString(root.resolve("LICENSE"), StandardCharsets.UTF_8);
    assertThat(licence.strip())
        .as("LICENSE holds the EUPL v. 1.2 in full, down to its appendix")
        .startsWith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
        .contains("15. Applicable Law", "Appendix", "'Compatible Licences' according to Article 5")
        .endsWith("EUPL version.");
    Element license = (Element) pom.getElementsByTagName("license").item(0);
    assertThat(license).as("pom.xml lists its licence").isNotNull();
    assertThat(childText(license, "name")).isEqualTo("EUPL-1.2");
    assertThat(childText(license, "url"))
        .isEqualTo("https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12");
  }

  @Test
  void publiccodeSaysWhoMaintainsTheSoftware() {
    Map<String, Object> maintenance = section(publiccode, "maintenance");
    String type = text(maintenance, "type");
    assertThat(type).isIn(MAINTENANCE_TYPES);
    if (type.equals("internal") || type.equals("community")) {
      List<?> contacts = (List<?>) maintenance.get("contacts");
      assertThat(contacts).as("maintenance.contacts (mandatory for %s)", type).isNotEmpty();
      for (Object contact : contacts) {
        assertThat(text(asMap(contact), "name")).isNotBlank();
      }
    }
  }

  @Test
  void publiccodeListsTheLanguagesTheEngineAnswersIn() {
    Map<String, Object> localisation = section(publiccode, "localisation");
    assertThat(localisation.get("localisationReady")).isEqualTo(true);
    List<String> languages = strings(localisation.get("availableLanguages"));
    assertThat(languages).containsExactlyInAnyOrder("de", "en");
    Path messages = root.resolve("api/src/main/resources");
    for (String language : languages) {
      // messages.properties holds the English texts, messages_de.properties the German ones
      String file =
          language.equals("en") ? "messages.properties" : "messages_" + language + ".properties";
      assertThat(messages.resolve(file)).as("texts in %s", language).isRegularFile();
    }
  }

  @Test
  void publiccodeNamesTheJavaTheBuildCompilesFor() {
    List<?> open = (List<?>) section(publiccode, "dependsOn").get("open");
    assertThat(open).isNotEmpty();
    Map<String, Object> java =
        open.stream()
            .map(RepositoryDocumentsTest::asMap)
            .filter(dependency -> "Java".equals(dependency.get("name")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("dependsOn.open names Java"));
    assertThat(java.get("versionMin")).isEqualTo(pomProperty("maven.compiler.release"));
    assertThat(open.stream().map(d -> asMap(d).get("name"))).contains("MongoDB");
  }

  @Test
  void documentsPointOnlyAtFilesInsideTheRepositoryThatExist() throws IOException {
    List<String> problems = new ArrayList<>();
    for (String document : DOCUMENTS) {
      Path file = root.resolve(document);
      if (!Files.isRegularFile(file)) {
        problems.add(document + " is missing");
        continue;
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      for (String target : references(text)) {
        Path resolved = file.getParent().resolve(target).normalize();
        if (!resolved.startsWith(root)) {
          problems.add(document + " points outside the repository: " + target);
        } else if (!exists(resolved)) {
          problems.add(document + " names a file that does not exist: " + target);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void anAbbreviatedPathNamesAnExistingFile() throws IOException {
    // "..." stands for any folders, as the README writes long paths
    assertThat(exists(root.resolve("application/.../servicerequest/CaseProjection.java"))).isTrue();
    assertThat(exists(root.resolve("application/.../catalogue/SampleCatalogue.java"))).isFalse();
  }

  @Test
  void aReferenceOutsideTheRepositoryIsFound() {
    // the check above must see links and code spans, or it could never fail
    assertThat(references("see [design](../shared/DESIGN.md) and `api/pom.xml`"))
        .containsExactly("../shared/DESIGN.md", "api/pom.xml");
  }

  // --- reading

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s#]+)(#[^)]*)?\\)");
  private static final Pattern PATH =
      Pattern.compile(
          "`((?:\\.\\./)*[\\w.-]+(?:/[\\w.-]+)+\\.(?:java|md|yml|xml|properties|json))`");

  /**
   * What a document refers to in the repository: the targets of relative Markdown links, and code
   * spans that are paths to a file (with a folder and an extension, relative to the repository).
   */
  static List<String> references(String markdown) {
    List<String> found = new ArrayList<>();
    Matcher link = LINK.matcher(markdown);
    while (link.find()) {
      String target = link.group(1);
      if (!target.contains("://") && !target.startsWith("mailto:")) {
        found.add(target);
      }
    }
    Matcher path = PATH.matcher(markdown);
    while (path.find()) {
      found.add(path.group(1));
    }
    return found;
  }

  private static List<String> files;

  /**
   * Whether {@code path} (inside the repository) exists; a segment {@code ...} stands for one or
   * more folders, and then some file of the repository must match.
   */
  static boolean exists(Path path) throws IOException {
    String relative =
        root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
    List<String> parts = List.of(relative.split("/"));
    if (!parts.contains("...")) {
      return Files.exists(path);
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i).equals("...")) {
        regex.append("(?:[^/]+/)+");
      } else {
        regex.append(Pattern.quote(parts.get(i))).append(i < parts.size() - 1 ? "/" : "");
      }
    }
    Pattern abbreviated = Pattern.compile(regex.toString());
    return repositoryFiles().stream().anyMatch(file -> abbreviated.matcher(file).matches());
  }

  /** The repository's files, relative and with '/', without build output and Git's own files. */
  private static synchronized List<String> repositoryFiles() throws IOException {
    if (files == null) {
      try (Stream<Path> walk = Files.walk(root)) {
        files =
            walk.filter(Files::isRegularFile)
                .map(
                    file ->
                        root.relativize(file)
                            .toString()
                            .replace(file.getFileSystem().getSeparator(), "/"))
                .filter(file -> !file.startsWith(".git/") && !file.contains("target/"))
                .toList();
      }
    }
    return files;
  }

  static Path repositoryRoot() {
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("publiccode.yml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("No repository with a publiccode.yml above " + here);
  }

  private static boolean isLanguageTag(String tag) {
    return !Locale.forLanguageTag(tag).getLanguage().isEmpty()
        && Locale.forLanguageTag(tag).toLanguageTag().equalsIgnoreCase(tag);
  }

  private static String text(String key) {
    return text(publiccode, key);
  }

  private static String text(Map<String, Object> map, String key) {
    Object value = map.get(key);
    assertThat(value).as("publiccode.yml: %s is a text", key).isInstanceOf(String.class);
    return (String) value;
  }

  private static Map<String, Object> section(Map<String, Object> map, String key) {
    assertThat(map.get(key)).as("publiccode.yml has the section %s", key).isInstanceOf(Map.class);
    return asMap(map.get(key));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }

  private static List<String> strings(Object value) {
    assertThat(value).as("a list").isInstanceOf(List.class);
    return Stream.of(((List<?>) value).toArray()).map(String::valueOf).toList();
  }

  /** A direct child of the pom's {@code project}, such as its {@code version}. */
  private static String pomValue(String name) {
    return childText(pom.getDocumentElement(), name);
  }

  private static String pomProperty(String name) {
    Element properties = (Element) pom.getElementsByTagName("properties").item(0);
    return childText(properties, name);
  }

  private static String childText(Element parent, String name) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && element.getTagName().equals(name)) {
        return element.getTextContent().strip();
      }
    }
    throw new AssertionError(parent.getTagName() + " has no " + name);
  }
}
