package de.rathaus.api.servicerequest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clerks' search by name ({@code RATHAUS_SEARCH_KEY}).
 *
 * @param key the key of the blind name index: at least 32 random bytes in base64; required outside
 *     demo mode, which generates one into the data directory ({@value #DEMO_KEY_FILE}) on the first
 *     start. Changing it makes every name unsearchable until the clerks' read model is rebuilt.
 */
@ConfigurationProperties("rathaus.search")
public record SearchProperties(String key) {

  /** Where demo mode keeps the key it generated, in the data directory. */
  public static final String DEMO_KEY_FILE = "search-key";
}
