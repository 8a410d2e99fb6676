package de.rathaus.api.statistics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Open data ({@code RATHAUS_OPENDATA_*}).
 *
 * @param publisher the publisher the open-data catalogue names; default {@code Stadt Heilbronn}
 */
@ConfigurationProperties("rathaus.open-data")
public record OpenDataProperties(String publisher) {

  public OpenDataProperties {
    publisher = publisher == null || publisher.isBlank() ? "Stadt Heilbronn" : publisher;
  }
}
