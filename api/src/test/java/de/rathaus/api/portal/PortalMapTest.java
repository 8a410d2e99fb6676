package de.rathaus.api.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The map's settings: off by default, and a tile address that a policy cannot name refuses. */
class PortalMapTest {

  private static PortalMap.Settings tiles(String url) {
    return new PortalMap.Settings(url, "© Stadt", null, null, null);
  }

  @Test
  void withoutATileAddressThereIsNoMapAndThePortalsPolicy() {
    PortalMap map = PortalMap.of(new PortalMap.Settings(" ", null, null, null, null));
    assertThat(map.shown()).isEmpty();
    assertThat(map.contentSecurityPolicy()).isEqualTo(PortalConfiguration.CONTENT_SECURITY_POLICY);
  }

  @Test
  void aTileServersOriginIsAllowedForImagesOnly() {
    PortalMap map = PortalMap.of(tiles("https://Tiles.Heilbronn.de:8443/osm/{z}/{x}/{y}.png"));
    assertThat(map.shown()).isPresent();
    assertThat(map.shown().get().lat()).isEqualTo(49.1427);
    assertThat(map.contentSecurityPolicy())
        .contains("img-src 'self' https://tiles.heilbronn.de:8443;")
        .contains("default-src 'none'; script-src 'self'; style-src 'self';")
        .doesNotContain("connect-src");
  }

  @Test
  void anAddressThatIsNotPlainHttpWithItsPlaceholdersRefusesTheStart() {
    for (String bad :
        new String[] {
          "javascript:alert(1)//{z}/{x}/{y}",
          "ftp://tiles.example/{z}/{x}/{y}.png",
          "https://tiles.example/{z}/{x}.png",
          "https://{s}.tile.example/{z}/{x}/{y}.png",
          "https://tiles.example/{z}/{x}/{y}.png?key=1",
          "https://user@tiles.example/{z}/{x}/{y}.png",
          "https://tiles.example/{z}/{x}/{y}.png; script-src *",
          "/{z}/{x}/{y}.png",
        }) {
      assertThatThrownBy(() -> PortalMap.of(tiles(bad)))
          .as(bad)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("rathaus.portal.map.tile-url");
    }
  }

  @Test
  void aTileAddressNeedsItsAttributionAndACentreOnTheEarth() {
    String url = "https://tiles.example/{z}/{x}/{y}.png";
    assertThatThrownBy(() -> PortalMap.of(new PortalMap.Settings(url, null, null, null, null)))
        .hasMessageContaining("attribution");
    assertThatThrownBy(() -> PortalMap.of(new PortalMap.Settings(url, "©", 91.0, null, null)))
        .hasMessageContaining("centre");
    assertThatThrownBy(() -> PortalMap.of(new PortalMap.Settings(url, "©", null, null, 0)))
        .hasMessageContaining("zoom");
  }
}
