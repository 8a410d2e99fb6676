package de.rathaus.api.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How the HTTP API behaves ({@code RATHAUS_API_*}).
 *
 * @param maxBodySize request bodies larger than this are refused with 413; default 256 KB
 * @param readYourWrites whether command endpoints wait until their read models show the change;
 *     default true ({@code false} only to measure what the wait costs)
 */
@ConfigurationProperties("rathaus.api")
public record ApiProperties(DataSize maxBodySize, Boolean readYourWrites) {

  public ApiProperties {
    maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(256) : maxBodySize;
    readYourWrites = readYourWrites == null || readYourWrites;
  }
}
