package de.rathaus.api.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The map of a report's form: Leaflet (the WebJar, served by the engine itself under {@link
 * #ASSETS}) over the tiles of the city's tile server. Off unless {@code
 * rathaus.portal.map.tile-url} is set, since no tile server is reachable from every engine (and
 * none from the tests here): the form then has only its coordinate and address fields, which it
 * always has, so that a report works without the map, without JavaScript and when the tiles do not
 * load. The tile server's origin is added to the form page's {@code img-src} and to nothing else; a
 * tile address that is not plain http(s) with {@code {z}}, {@code {x}}, {@code {y}} (or that asks
 * for subdomains, which a policy cannot name) refuses the start.
 */
public final class PortalMap {

  /** Where Leaflet's files are served from (the WebJar's {@code dist} folder). */
  static final String ASSETS = PortalController.ROOT + "/karte/leaflet/";

  /**
   * The map's settings.
   *
   * @param tileUrl the tile server's address with {@code {z}}, {@code {x}}, {@code {y}}; none: no
   *     map
   * @param attribution the tiles' attribution, shown on the map as text (required with a tile URL:
   *     tile licences ask for it)
   * @param lat the latitude the map opens at (default Heilbronn's market square)
   * @param lon the longitude it opens at
   * @param zoom the zoom it opens at (default 15)
   */
  @ConfigurationProperties("rathaus.portal.map")
  public record Settings(String tileUrl, String attribution, Double lat, Double lon, Integer zoom) {

    public Settings {
      tileUrl = tileUrl == null || tileUrl.isBlank() ? null : tileUrl.strip();
      attribution = attribution == null || attribution.isBlank() ? null : attribution.strip();
      lat = lat == null ? 49.1427 : lat;
      lon = lon == null ? 9.2109 : lon;
      zoom = zoom == null ? 15 : zoom;
    }
  }

  /** What a form page needs of the map. */
  public record Shown(
      String tiles, String attribution, double lat, double lon, int zoom, String assets) {}

  private final Optional<Shown> shown;
  private final String origin;

  private PortalMap(Optional<Shown> shown, String origin) {
    this.shown = shown;
    this.origin = origin;
  }

  /** The map as configured; a tile address that is not safe to name in a policy refuses. */
  public static PortalMap of(Settings settings) {
    if (settings.tileUrl() == null) {
      return new PortalMap(Optional.empty(), null);
    }
    String url = settings.tileUrl();
    URI uri;
    try {
      uri = new URI(url.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"));
    } catch (URISyntaxException e) {
      throw refused("it is not an address");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw refused("only http and https are allowed");
    }
    if (uri.getHost() == null || uri.getUserInfo() != null || uri.getRawQuery() != null) {
      throw refused("it needs a host, and no user or query");
    }
    if (!url.contains("{z}") || !url.contains("{x}") || !url.contains("{y}")) {
      throw refused("it needs {z}, {x} and {y}");
    }
    if (url.replace("{z}", "").replace("{x}", "").replace("{y}", "").matches(".*[{}\"'\\s;,].*")) {
      throw refused("it may hold no other placeholder (no {s}) and no quote, space, ; or ,");
    }
    if (settings.attribution() == null) {
      throw refused("rathaus.portal.map.attribution is required with it");
    }
    if (Math.abs(settings.lat()) > 90 || Math.abs(settings.lon()) > 180) {
      throw refused("the map's centre is not on the earth");
    }
    if (settings.zoom() < 1 || settings.zoom() > 19) {
      throw refused("the zoom is between 1 and 19");
    }
    String origin =
        scheme
            + "://"
            + uri.getHost().toLowerCase(Locale.ROOT)
            + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    return new PortalMap(
        Optional.of(
            new Shown(
                url,
                settings.attribution(),
                settings.lat(),
                settings.lon(),
                settings.zoom(),
                ASSETS)),
        origin);
  }

  private static IllegalStateException refused(String why) {
    return new IllegalStateException(
        "rathaus.portal.map.tile-url (RATHAUS_PORTAL_MAP_TILEURL) is refused: " + why);
  }

  /** The map, when there is one. */
  public Optional<Shown> shown() {
    return shown;
  }

  /**
   * The policy of a page with the map: the portal's, with the tile server's origin allowed for
   * images; the portal's own policy without a map.
   */
  public String contentSecurityPolicy() {
    return origin == null
        ? PortalConfiguration.CONTENT_SECURITY_POLICY
        : PortalConfiguration.CONTENT_SECURITY_POLICY.replace(
            "img-src 'self';", "img-src 'self' " + origin + ";");
  }

  /** The WebJar's folder on the class path, by the version its jar names. */
  static String webJarLocation() {
    String properties = "META-INF/maven/org.webjars.npm/leaflet/pom.properties";
    try (InputStream in = PortalMap.class.getClassLoader().getResourceAsStream(properties)) {
      if (in == null) {
        throw new IllegalStateException("Leaflet's WebJar is missing from the class path");
      }
      Properties pom = new Properties();
      pom.load(in);
      return "classpath:/META-INF/resources/webjars/leaflet/"
          + pom.getProperty("version")
          + "/dist/";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
