package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rathaus.api.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The public portal in a real browser (Debian's chromium, headless) on the running engine with its
 * sample catalogue: a visitor finds a service by search and by department, opens its page, switches
 * to English, reaches the three legal pages from every page; keyboard only, the skip link is the
 * first stop and moves the focus to the main content. A service and a department whose every text
 * is a script or an {@code onerror} image, drafted and published through the admin API, stay inert
 * text on every page that shows them. Every page visited is checked by axe-core (no serious or
 * critical finding) and photographed ({@link PortalBrowser}).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
class PortalBrowserIT {

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMAGE = "\"><img src=x onerror=alert(1)>";

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  /** The one browser of this class, started by the first test that needs it. */
  static PortalBrowser browser;

  static boolean hostileServicePublished;

  @LocalServerPort int port;
  WebDriver page;

  @AfterAll
  static void stopBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  /**
   * A visitor without cookies in the browser; skips the test (an assumption) where chromium is not
   * installed, so that the tests without a browser still run there.
   */
  private void freshVisitor() {
    if (browser == null) {
      browser = PortalBrowser.start();
    }
    page = browser.driver();
    open("/portal/impressum");
    page.manage().deleteAllCookies();
  }

  private void open(String path) {
    page.get("http://127.0.0.1:" + port + path);
  }

  private String h1() {
    return page.findElement(By.tagName("h1")).getText();
  }

  private String language() {
    return page.findElement(By.tagName("html")).getAttribute("lang");
  }

  /**
   * Clicks what leads to another page and waits until that page replaced this one: reading the page
   * right after the click could read the old one, or an element the new one just discarded.
   */
  private void follow(WebElement element) {
    WebElement before = page.findElement(By.tagName("html"));
    element.click();
    new WebDriverWait(page, Duration.ofSeconds(20)).until(PortalBrowser.replaced(before));
  }

  private List<String> resultNames() {
    return page.findElements(By.cssSelector(".result h3 a")).stream()
        .map(WebElement::getText)
        .toList();
  }

  @Test
  void aVisitorFindsAServiceBySearchAndOpensItsPage() {
    freshVisitor();
    open("/portal");
    browser.checked("start");
    assertThat(language()).isEqualTo("de");
    assertThat(page.findElement(By.cssSelector(".city")).getText()).isEqualTo("Musterstadt (Demo)");

    page.findElement(By.id("q")).sendKeys("gewerbe");
    follow(page.findElement(By.cssSelector("form[role=search] button")));
    browser.checked("search-gewerbe");
    assertThat(resultNames()).contains("Gewerbeanmeldung", "Gewerbeabmeldung");
    assertThat(resultNames()).noneMatch(name -> name.startsWith("Hundesteuer"));
    assertThat(page.findElement(By.id("q")).getAttribute("value")).isEqualTo("gewerbe");

    follow(page.findElement(By.linkText("Gewerbeanmeldung")));
    browser.checked("service-gewerbeanmeldung");
    assertThat(h1()).isEqualTo("Gewerbeanmeldung");
    String facts = page.findElement(By.cssSelector("dl.facts")).getText();
    assertThat(facts).contains("Kosten", "€", "Bearbeitungsdauer", "Tage", "Gewerbeamt");
    assertThat(page.findElement(By.id("documents-heading")).getText())
        .isEqualTo("Benötigte Unterlagen");
    assertThat(page.findElements(By.cssSelector(".fields li"))).isNotEmpty();

    open("/portal/leistungen/gibt-es-nicht");
    browser.checked("service-not-found");
    assertThat(h1()).isEqualTo("Seite nicht gefunden");
    open("/portal/gibt-es-nicht");
    browser.checked("page-not-found");
    assertThat(h1()).isEqualTo("Seite nicht gefunden");
  }

  @Test
  void aVisitorFiltersTheCatalogueByDepartment() {
    freshVisitor();
    open("/portal/leistungen");
    browser.checked("catalogue");
    int all = resultNames().size();
    assertThat(all).isGreaterThan(5);

    new Select(page.findElement(By.id("amt"))).selectByVisibleText("Steueramt");
    follow(page.findElement(By.cssSelector("form[role=search] button")));
    browser.checked("catalogue-steueramt");
    assertThat(resultNames())
        .isNotEmpty()
        .hasSizeLessThan(all)
        .allMatch(name -> name.startsWith("Hundesteuer"));
    assertThat(page.findElements(By.cssSelector(".result .meta")))
        .allMatch(meta -> meta.getText().contains("Steueramt"));
    assertThat(new Select(page.findElement(By.id("amt"))).getFirstSelectedOption().getText())
        .isEqualTo("Steueramt");
  }

  @Test
  void aVisitorSwitchesToEnglishAndTheChoiceStays() {
    freshVisitor();
    open("/portal/leistungen/meldebescheinigung");
    assertThat(h1()).isEqualTo("Meldebescheinigung");
    follow(page.findElement(By.cssSelector("form.language button")));
    browser.checked("service-meldebescheinigung-en");
    assertThat(page.getCurrentUrl()).endsWith("/portal/leistungen/meldebescheinigung");
    assertThat(language()).isEqualTo("en");
    assertThat(h1()).isEqualTo("Certificate of registration");
    assertThat(page.findElement(By.cssSelector("dl.facts")).getText()).contains("Processing time");

    open("/portal/leistungen?q=dog");
    browser.checked("search-dog-en");
    assertThat(language()).isEqualTo("en");
    assertThat(resultNames()).isNotEmpty().allMatch(name -> name.startsWith("Dog tax"));

    follow(page.findElement(By.cssSelector("form.language button")));
    assertThat(language()).isEqualTo("de");
    assertThat(page.getCurrentUrl()).endsWith("/portal/leistungen?q=dog");
  }

  @Test
  void aBrowserAskingForEnglishGetsEnglishUntilTheVisitorChoosesGerman() {
    freshVisitor();
    ChromeDriver chrome = browser.driver;
    chrome.executeCdpCommand("Network.enable", Map.of());
    try {
      chrome.executeCdpCommand(
          "Network.setExtraHTTPHeaders",
          Map.of("headers", Map.of("Accept-Language", "en-GB,en;q=0.9")));
      open("/portal");
      browser.checked("start-accept-language-en");
      assertThat(language()).isEqualTo("en");
      assertThat(h1()).isEqualTo("The administration's online services");

      follow(page.findElement(By.cssSelector("form.language button")));
      assertThat(language()).as("the choice beats Accept-Language").isEqualTo("de");
      open("/portal/leistungen");
      assertThat(language()).isEqualTo("de");
    } finally {
      chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
      chrome.executeCdpCommand("Network.disable", Map.of());
    }
  }

  @Test
  void aFormWhoseSessionExpiredSaysSoAndSendingItAgainWorks() {
    freshVisitor();
    open("/portal/leistungen/meldebescheinigung");
    page.manage().deleteCookieNamed("JSESSIONID"); // the session ran out while the page was open
    follow(page.findElement(By.cssSelector("form.language button")));
    browser.checked("form-expired");
    assertThat(h1()).isEqualTo("Formular abgelaufen");
    assertThat(language()).as("nothing switched").isEqualTo("de");

    follow(page.findElement(By.cssSelector("form.language button")));
    assertThat(page.getCurrentUrl()).endsWith("/portal/leistungen/meldebescheinigung");
    assertThat(h1()).isEqualTo("Certificate of registration");
  }

  @Test
  void theThreeLegalPagesAreReachedFromTheFooter() {
    freshVisitor();
    open("/portal");
    follow(page.findElement(By.linkText("Impressum")));
    browser.checked("impressum");
    assertThat(h1()).isEqualTo("Impressum");
    assertThat(page.findElement(By.cssSelector(".legal-text")).getText()).contains("Demo-Text");

    follow(page.findElement(By.linkText("Datenschutzerklärung")));
    browser.checked("datenschutz");
    assertThat(h1()).isEqualTo("Datenschutzerklärung");

    follow(page.findElement(By.linkText("Erklärung zur Barrierefreiheit")));
    browser.checked("barrierefreiheit");
    assertThat(h1()).isEqualTo("Erklärung zur Barrierefreiheit");
    assertThat(page.findElement(By.id("feedback")).getText())
        .contains("Barriere melden", "barrierefreiheit@stadt.example");
    assertThat(page.findElement(By.cssSelector("#feedback a[href^='mailto:']"))).isNotNull();
    assertThat(page.findElement(By.id("schlichtung")).getText()).contains("Schlichtung");

    follow(page.findElement(By.cssSelector("form.language button")));
    browser.checked("barrierefreiheit-en");
    assertThat(h1()).isEqualTo("Accessibility statement");
    assertThat(page.findElements(By.cssSelector("footer a")).stream().map(WebElement::getText))
        .containsExactly("Imprint (Impressum)", "Privacy notice", "Accessibility statement");
  }

  @Test
  void withTheKeyboardOnlyTheSkipLinkIsTheFirstStopAndMovesTheFocusToMain() {
    freshVisitor();
    open("/portal/leistungen");
    new Actions(page).sendKeys(Keys.TAB).perform();
    WebElement first = page.switchTo().activeElement();
    assertThat(first.getAttribute("class")).isEqualTo("skip-link");
    assertThat(first.getText()).isEqualTo("Zum Inhalt springen");
    assertThat(first.getRect().getY()).as("visible once focused").isGreaterThanOrEqualTo(0);
    browser.checked("skip-link-focused");

    new Actions(page).sendKeys(Keys.ENTER).perform();
    assertThat(page.switchTo().activeElement().getAttribute("id")).isEqualTo("main");

    // the next stop is inside main: the search field, not the header again; its focus is visible
    new Actions(page).sendKeys(Keys.TAB).perform();
    WebElement search = page.switchTo().activeElement();
    assertThat(search.getAttribute("id")).isEqualTo("q");
    assertThat(search.getCssValue("outline-style")).isEqualTo("solid");
    assertThat(search.getCssValue("outline-width")).isEqualTo("3px");
  }

  /** The pages that show the hostile department or service (or both). */
  static final List<String> HOSTILE_PAGES =
      List.of(
          "/portal",
          "/portal/leistungen",
          "/portal/leistungen?q=onerror",
          "/portal/leistungen?amt=xss-amt",
          "/portal/leistungen/xssdienst");

  @Test
  void scriptsAndMarkupInEveryTextOfAServiceAndItsDepartmentAreSentEscaped() {
    publishHostileService();
    for (String path : HOSTILE_PAGES) {
      for (String lang : List.of("de", "en")) {
        TestClient.Response raw =
            new TestClient(port).get(path).header("Accept-Language", lang).send().expect(200);
        assertThat(raw.body())
            .as(path + " as sent in " + lang)
            .doesNotContain(SCRIPT)
            .doesNotContain("<img")
            .doesNotContain("<script")
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
            .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
      }
    }
  }

  @Test
  void scriptsAndMarkupInEveryTextOfAServiceAndItsDepartmentStayInertInTheBrowser() {
    freshVisitor();
    publishHostileService();
    for (String path : HOSTILE_PAGES) {
      open(path);
      assertThatThrownBy(() -> page.switchTo().alert())
          .as("no alert on " + path)
          .isInstanceOf(NoAlertPresentException.class);
      assertThat(page.findElements(By.tagName("img"))).as("no image on " + path).isEmpty();
      assertThat(page.findElements(By.tagName("script"))).as("no script on " + path).isEmpty();
      assertThat(page.findElement(By.tagName("main")).getText())
          .as("shown as text on " + path)
          .contains(SCRIPT);
    }
    open("/portal/leistungen/xssdienst");
    browser.checked("service-hostile");
    assertThat(h1()).isEqualTo("Dienst " + SCRIPT + IMAGE);
    assertThat(page.findElement(By.cssSelector("dl.facts")).getText()).contains("Amt " + SCRIPT);
    follow(page.findElement(By.cssSelector("form.language button")));
    browser.checked("service-hostile-en");
    assertThat(h1()).isEqualTo("Service " + SCRIPT + IMAGE);
  }

  /** Who calls: nobody signed in, or one of the demo accounts (HTTP Basic). */
  static final List<String> CALLERS =
      java.util.Arrays.asList(null, "anna", "ben", "clara", "carl", "mona", "udo", "ada", "otto");

  @Test
  void everyPageIsPublicForEveryCallerAndNothingButTheSwitchTakesAPost() {
    List<String> pages =
        List.of(
            "/portal",
            "/portal/leistungen",
            "/portal/leistungen?q=hund&amt=steueramt",
            "/portal/leistungen/meldebescheinigung",
            "/portal/impressum",
            "/portal/datenschutz",
            "/portal/barrierefreiheit",
            "/portal/portal.css");
    for (String caller : CALLERS) {
      for (String path : pages) {
        TestClient.Response answer = new TestClient(port).get(path).as(caller).send();
        assertThat(answer.status()).as(path + " as " + caller).isEqualTo(200);
        assertThat(answer.header("Content-Security-Policy")).as(path).isPresent();
      }
      assertThat(new TestClient(port).get("/portal/leistungen/keine").as(caller).send().status())
          .as("unknown service as " + caller)
          .isEqualTo(404);
      TestClient.Response nowhere = new TestClient(port).get("/portal/nirgends").as(caller).send();
      assertThat(nowhere.status()).as("unknown address as " + caller).isEqualTo(404);
      assertThat(nowhere.header("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
      // a change without the form's CSRF token: refused, whoever calls
      for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
        for (String path : List.of("/portal/sprache", "/portal/leistungen", "/portal")) {
          assertThat(
                  new TestClient(port)
                      .call(method, path)
                      .as(caller)
                      .body("lang=en", "application/x-www-form-urlencoded")
                      .send()
                      .status())
              .as(method + " " + path + " as " + caller)
              .isEqualTo(403);
        }
      }
    }
  }

  @Test
  void seleniumManagerNeverFetchesABrowserOrADriver() throws Exception {
    freshVisitor();
    // the driver and the browser are given by path (PortalBrowser); should Selenium Manager run
    // anyway, it is told to stay offline, and its cache (under target) stays empty
    assertThat(System.getenv("SE_OFFLINE")).isEqualTo("true");
    String cache = System.getenv("SE_CACHE_PATH");
    assertThat(cache).isNotBlank();
    open("/portal");
    Path dir = Path.of(cache);
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        assertThat(files.filter(Files::isRegularFile).map(Path::toString).toList())
            .noneMatch(f -> f.contains("chromedriver") || f.contains("chrome"));
      }
    }
    assertThat(browser.driver.getCapabilities().getBrowserVersion())
        .as("Debian's chromium")
        .isNotBlank();
  }

  private void publishHostileService() {
    if (hostileServicePublished) {
      return;
    }
    String text = SCRIPT + IMAGE;
    String both = "{\"de\": " + json("%s " + text) + ", \"en\": " + json("%s " + text) + "}";
    new TestClient(port)
        .post("/api/v1/departments")
        .as("ada")
        .json(
            "{\"code\": \"xss-amt\", \"name\": "
                + both.formatted("Amt", "Office")
                + ", \"email\": \"xss@stadt.example\"}")
        .expect(201);
    new TestClient(port)
        .post("/api/v1/services")
        .as("ada")
        .json(
            """
            {"code": "xssdienst", "name": %s, "description": %s,
             "department": "xss-amt", "group": %s, "keywords": [%s, "onerror"], "kind": "request",
             "fee": 1234, "processingDays": 5, "requiredDocuments": [%s],
             "attributes": [{"code": "feld", "datatype": "singlevaluelist", "required": true,
                             "order": 1, "description": %s,
                             "values": [{"key": "a", "name": %s}]}]}
            """
                .formatted(
                    both.formatted("Dienst", "Service"),
                    both.formatted("Beschreibung", "Description"),
                    json("Gruppe " + text),
                    json("Wort " + text),
                    both.formatted("Unterlage", "Document"),
                    both.formatted("Feld", "Field"),
                    both.formatted("Wert", "Value")))
        .expect(201);
    new TestClient(port).post("/api/v1/services/xssdienst/publication").as("ada").expect(200);
    hostileServicePublished = true;
  }

  private static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
