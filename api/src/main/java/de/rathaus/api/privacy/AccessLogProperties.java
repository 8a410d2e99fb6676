package de.rathaus.api.privacy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The access log's writer ({@code RATHAUS_ACCESSLOG_*}).
 *
 * @param maxWait how long a read waits for its entry to be stored before it is answered anyway;
 *     default one second
 * @param capacity entries that may wait for the writer; default 10,000 (a full queue makes the read
 *     write its entry itself)
 */
@ConfigurationProperties("rathaus.access-log")
public record AccessLogProperties(Duration maxWait, Integer capacity) {

  public AccessLogProperties {
    maxWait = maxWait == null ? Duration.ofSeconds(1) : maxWait;
    capacity = capacity == null ? 10_000 : capacity;
  }
}
