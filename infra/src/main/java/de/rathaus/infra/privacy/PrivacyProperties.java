package de.rathaus.infra.privacy;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the per-citizen keys are kept. Environment variables bind by Spring's relaxed rules: {@code
 * RATHAUS_PRIVACY_KEYSTORE}, {@code RATHAUS_PRIVACY_KEYDIR}, {@code RATHAUS_PRIVACY_KEYCACHE}.
 *
 * @param keyStore {@code file} (default): one file per subject in {@link #keyDir()}; {@code mongo}:
 *     the collection {@code subject_keys}, for several instances on one MongoDB replica set (see
 *     {@link MongoSubjectKeyStore} for its caveat)
 * @param keyDir the directory of the file store; default {@code <rathaus.data-dir>/keys}
 * @param keyCache how long a key is kept in memory; an erasure made by another instance is seen
 *     here within this time; default 60 s
 */
@ConfigurationProperties("rathaus.privacy")
public record PrivacyProperties(Kind keyStore, Path keyDir, Duration keyCache) {

  public PrivacyProperties {
    keyStore = keyStore == null ? Kind.FILE : keyStore;
    keyCache = keyCache == null ? Duration.ofSeconds(60) : keyCache;
  }

  /** The kinds of key store. */
  public enum Kind {
    FILE,
    MONGO
  }

  /** The key directory: the configured one, or {@code keys} in the data directory. */
  public Path keyDirIn(Path dataDir) {
    return keyDir != null ? keyDir : dataDir.resolve("keys");
  }
}
