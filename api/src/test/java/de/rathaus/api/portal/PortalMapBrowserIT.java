package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import de.rathaus.api.TestClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The map pin of a report's form over a tile server of the test's own on 127.0.0.1 (grey tiles;
 * nothing leaves the machine): a click on the map fills the coordinates, which the submission
 * stores; when the tile server fails, the map goes away and the fields remain, with a notice. The
 * tile server's origin is in the form page's policy only.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "rathaus.portal.map.attribution=Testkacheln <b>©</b>"
    })
@DirtiesContext
class PortalMapBrowserIT {

  static final String REPORT = "/portal/leistungen/maengelmelder/antrag";

  static final AtomicBoolean SERVING = new AtomicBoolean(true);
  static final AtomicInteger TILES = new AtomicInteger();
  static final HttpServer TILE_SERVER = tileServer();

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
    registry.add(
        "rathaus.portal.map.tile-url",
        () ->
            "http://127.0.0.1:" + TILE_SERVER.getAddress().getPort() + "/kacheln/{z}/{x}/{y}.png");
  }

  private static HttpServer tileServer() {
    try {
      BufferedImage grey = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
      for (int x = 0; x < 256; x++) {
        for (int y = 0; y < 256; y++) {
          grey.setRGB(x, y, 0xdddddd);
        }
      }
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(grey, "png", png);
      byte[] tile = png.toByteArray();
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/kacheln/",
          exchange -> {
            if (SERVING.get()) {
              TILES.incrementAndGet();
              exchange.getResponseHeaders().set("Content-Type", "image/png");
              exchange.sendResponseHeaders(200, tile.length);
              exchange.getResponseBody().write(tile);
            } else {
              exchange.sendResponseHeaders(503, -1);
            }
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PortalBrowser browser;

  @LocalServerPort int port;
  WebDriver page;

  @AfterAll
  static void stop() throws Exception {
    TILE_SERVER.stop(0);
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theTileServerIsAllowedOnTheReportFormOnlyAndLeafletIsServedByTheEngine() {
    PortalSession anna = PortalSession.of(port, "anna");
    HttpResponse<String> form = anna.get(REPORT);
    String origin = "http://127.0.0.1:" + TILE_SERVER.getAddress().getPort();
    assertThat(form.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("img-src 'self' " + origin + ";", "script-src 'self';");
    assertThat(form.body())
        .contains("id=\"karte\"", "/portal/karte/leaflet/leaflet.js", "/portal/karte.js")
        .contains("id=\"feld-lat\"", "id=\"feld-lon\"", "id=\"feld-place\"")
        .doesNotContain("<b>©</b>");
    // a form without a place has no map, and keeps the portal's policy
    HttpResponse<String> certificate = anna.get("/portal/leistungen/meldebescheinigung/antrag");
    assertThat(certificate.body()).doesNotContain("id=\"karte\"");
    assertThat(certificate.headers().firstValue("Content-Security-Policy").orElseThrow())
        .doesNotContain(origin);
    assertThat(
            new PortalSession(port)
                .get("/portal")
                .headers()
                .firstValue("Content-Security-Policy")
                .orElseThrow())
        .doesNotContain(origin);
    HttpResponse<String> script = new PortalSession(port).get("/portal/karte/leaflet/leaflet.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("Leaflet");
    assertThat(new PortalSession(port).get("/portal/karte/leaflet/../../portal.css").statusCode())
        .isIn(400, 404);
  }

  @Test
  void aClickOnTheMapPinsThePlaceAndTheSubmissionStoresIt() {
    SERVING.set(true);
    freshCitizen();
    open(REPORT);
    signIn();
    waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("karte")));
    waitFor(d -> TILES.get() > 0);
    waitFor(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#karte img.leaflet-tile-loaded")));
    browser.checked("citizen-report-map");
    assertThat(page.findElement(By.cssSelector(".leaflet-control-attribution")).getText())
        .contains("Testkacheln <b>©</b>");
    WebElement map = page.findElement(By.id("karte"));
    new org.openqa.selenium.interactions.Actions(page).moveToElement(map, 20, 10).click().perform();
    waitFor(d -> !d.findElement(By.id("feld-lat")).getAttribute("value").isEmpty());
    double lat = Double.parseDouble(page.findElement(By.id("feld-lat")).getAttribute("value"));
    double lon = Double.parseDouble(page.findElement(By.id("feld-lon")).getAttribute("value"));
    // right of and below the centre (Heilbronn's market square), and close to it
    assertThat(lat).isBetween(49.13, 49.1427);
    assertThat(lon).isBetween(9.2109, 9.23);
    assertThat(page.findElement(By.id("karte-hinweis")).getText())
        .contains("Ort auf der Karte gesetzt");
    assertThat(page.findElements(By.cssSelector("#karte .leaflet-marker-icon"))).hasSize(1);
    browser.checked("citizen-report-map-pinned");

    chooseTheFirst("a_category");
    page.findElement(By.id("feld-place")).sendKeys("Vor der Kilianskirche");
    page.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitFor(ExpectedConditions.urlContains("/portal/anliegen/"));
    String id = page.getCurrentUrl().replaceAll(".*/anliegen/([^?#]+).*", "$1");
    var stored = new TestClient(port).get("/api/v1/requests/" + id).as("anna").expect(200);
    String where = stored.toString();
    assertThat(where)
        .contains(String.valueOf(lat).substring(0, 6), String.valueOf(lon).substring(0, 5));
  }

  @Test
  void whenNoTileLoadsTheMapGoesAndTheFieldsRemainWithANotice() {
    SERVING.set(false);
    try {
      freshCitizen();
      open(REPORT);
      signIn();
      waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("karte-hinweis")));
      assertThat(page.findElement(By.id("karte-hinweis")).getText())
          .contains("Die Karte kann gerade nicht geladen werden");
      assertThat(page.findElement(By.id("karte")).isDisplayed()).isFalse();
      assertThat(page.findElement(By.id("feld-lat")).isDisplayed()).isTrue();
      assertThat(page.findElement(By.id("feld-place")).isDisplayed()).isTrue();
      browser.checked("citizen-report-map-fallback");
    } finally {
      SERVING.set(true);
    }
  }

  private void chooseTheFirst(String name) {
    WebElement control = page.findElement(By.name(name));
    if (control.getTagName().equals("select")) {
      Select select = new Select(control);
      select.selectByIndex(select.getOptions().get(0).getAttribute("value").isEmpty() ? 1 : 0);
    } else {
      page.findElement(By.cssSelector("label[for='" + control.getAttribute("id") + "']")).click();
    }
  }

  private void freshCitizen() {
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

  /** On the login page the form's address led to: signs anna in, and back to the form. */
  private void signIn() {
    page.findElement(By.id("username")).sendKeys("anna");
    page.findElement(By.id("password")).sendKeys(TestClient.DEMO_PASSWORD);
    page.findElement(By.cssSelector("button[type=submit]")).click();
    waitFor(ExpectedConditions.urlMatches(".*/maengelmelder/antrag$"));
  }

  private void waitFor(ExpectedCondition<?> condition) {
    try {
      new WebDriverWait(page, Duration.ofSeconds(15)).until(condition);
    } catch (org.openqa.selenium.TimeoutException timedOut) {
      throw new AssertionError(
          "Waited in vain at " + page.getCurrentUrl() + ":\n" + page.getPageSource(), timedOut);
    }
  }
}
