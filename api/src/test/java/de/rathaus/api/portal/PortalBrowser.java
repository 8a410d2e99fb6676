package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver, both given by path so that
 * Selenium Manager never looks for (or downloads) a browser or a driver; for the portal's browser
 * tests, one per test class. Every page a test visits through {@link #checked} is checked by
 * axe-core (0 serious or critical findings) and photographed under {@code
 * target/portal-screenshots}.
 */
final class PortalBrowser implements AutoCloseable {

  /** Debian's chromium ({@code -Dportal.chromium} points elsewhere). */
  static final Path CHROMIUM = Path.of(System.getProperty("portal.chromium", "/usr/bin/chromium"));

  /** Debian's chromedriver ({@code -Dportal.chromedriver} points elsewhere). */
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("portal.chromedriver", "/usr/bin/chromedriver"));

  static final Path SCREENSHOTS =
      Path.of(System.getProperty("portal.screenshots", "target/portal-screenshots"));

  private static final AtomicInteger PHOTOS = new AtomicInteger();

  /** Whether this JVM cleared the screenshots of an earlier run yet. */
  private static final java.util.concurrent.atomic.AtomicBoolean CLEARED =
      new java.util.concurrent.atomic.AtomicBoolean();

  final ChromeDriver driver;
  private final Path profile;

  private PortalBrowser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Starts the browser, or skips the calling test class (a JUnit assumption) where chromium or
   * chromedriver is not installed; any other failure to start fails.
   */
  static PortalBrowser start() {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "The portal's browser tests need Debian's chromium and chromium-driver ("
            + CHROMIUM
            + ", "
            + CHROMEDRIVER
            + "): apt-get install -y chromium chromium-driver (.ci/run installs them). Skipped.");
    try {
      if (CLEARED.compareAndSet(false, true) && Files.isDirectory(SCREENSHOTS)) {
        try (var old = Files.list(SCREENSHOTS)) {
          for (Path photo : old.filter(p -> p.toString().endsWith(".png")).toList()) {
            Files.delete(photo);
          }
        }
      }
      Path profile = Files.createTempDirectory("rathaus-portal-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless=new",
          // as root (CI) chromium refuses its sandbox; the pages are the engine's own
          "--no-sandbox",
          "--disable-dev-shm-usage",
          "--window-size=1280,1024",
          "--user-data-dir=" + profile,
          // no connection anywhere but the engine under test
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-default-apps",
          "--no-first-run",
          "--no-default-browser-check",
          "--lang=de-DE");
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "de-DE,de"));
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(CHROMEDRIVER.toFile())
              .usingAnyFreePort()
              .build();
      return new PortalBrowser(new ChromeDriver(service, options), profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  WebDriver driver() {
    return driver;
  }

  /**
   * Waits for the page that held {@code before} to be replaced by another. Selenium's {@code
   * stalenessOf} knows only the standard's "stale element reference"; chromium, asked about an
   * element in the very moment its document is swapped, answers instead "unhandled inspector error:
   * Node with given id does not belong to the document" — the same fact, which {@code stalenessOf}
   * lets through as a failure.
   */
  static ExpectedCondition<Boolean> replaced(WebElement before) {
    return driver -> {
      try {
        before.isEnabled();
        return false;
      } catch (StaleElementReferenceException gone) {
        return true;
      } catch (WebDriverException asked) {
        if (interruptedByNavigation(asked)) {
          return true;
        }
        throw asked;
      }
    };
  }

  /**
   * Clicks what leads to another page (a form's button, a link) and waits until that page has
   * replaced the one shown, so that what follows reads the new page and not the old one.
   */
  void clickAndLoad(WebElement target) {
    WebElement before = driver.findElement(org.openqa.selenium.By.tagName("html"));
    target.click();
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(replaced(before));
    settled();
  }

  /**
   * Checks the page now shown with axe-core (every rule it has; serious and critical findings fail
   * the test, naming rule and elements) and writes a screenshot named {@code NN-name.png}.
   */
  Results checked(String name) {
    Path photo = SCREENSHOTS.resolve(String.format("%02d-%s.png", PHOTOS.incrementAndGet(), name));
    for (int attempt = 1; ; attempt++) {
      settled();
      try {
        return checkedOnce(name, photo);
      } catch (RuntimeException interrupted) {
        // a click's navigation that began only after the click returned swaps the document under
        // the screenshot or axe-core's script; the page it leads to is the one to check
        if (attempt == 5 || !interruptedByNavigation(interrupted)) {
          throw interrupted;
        }
      }
    }
  }

  /**
   * Whether a browser call failed because the document it was made on was replaced meanwhile:
   * chromium says so in several words depending on the moment ("aborted by navigation", "Not
   * attached to an active page", "does not belong to the document", "Execution context was
   * destroyed"), or the element went stale.
   */
  static boolean interruptedByNavigation(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof StaleElementReferenceException) {
        return true;
      }
      String message = String.valueOf(t.getMessage());
      if (message.contains("aborted by navigation")
          || message.contains("Not attached to an active page")
          || message.contains("does not belong to the document")
          || message.contains("Execution context was destroyed")) {
        return true;
      }
    }
    return false;
  }

  /** Waits (up to 30 s) until the document now shown has loaded completely. */
  private void settled() {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .ignoring(WebDriverException.class)
        .until(
            d ->
                "complete"
                    .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  private Results checkedOnce(String name, Path photo) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(photo, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Results results = new AxeBuilder().analyze(driver);
    assertThat(results.isErrored()).as("axe-core ran on " + name).isFalse();
    assertThat(results.getPasses()).as("axe-core checked " + name).isNotEmpty();
    List<Rule> serious =
        results.getViolations().stream()
            .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
            .toList();
    assertThat(serious)
        .as(
            () ->
                "serious or critical accessibility findings on "
                    + name
                    + " ("
                    + driver.getCurrentUrl()
                    + "):\n"
                    + serious.stream()
                        .map(
                            r ->
                                r.getId()
                                    + " ("
                                    + r.getImpact()
                                    + "): "
                                    + r.getHelp()
                                    + " at "
                                    + r.getNodes().stream()
                                        .map(n -> String.valueOf(n.getTarget()))
                                        .collect(Collectors.joining(", ")))
                        .collect(Collectors.joining("\n")))
        .isEmpty();
    return results;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
