package de.rathaus.api.transparency;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tamper-evident log ({@code RATHAUS_TRANSPARENCY_*}).
 *
 * @param logId the log's id, the C2SP origin of its checkpoints, e.g. {@code heilbronn.de/rathaus}
 *     ({@code RATHAUS_TRANSPARENCY_LOGID}); required outside demo mode, {@value #DEMO_LOG_ID} in it
 * @param signingKey the Ed25519 signing key as a PKCS#8 PEM ({@code
 *     RATHAUS_TRANSPARENCY_SIGNINGKEY}); required outside demo mode, which generates one into the
 *     data directory on the first start
 * @param sealInterval how often the history is sealed; default one second
 * @param checkpointInterval the longest time between checkpoints while something happens; default
 *     ten seconds
 * @param checkpointEveryLeaves a checkpoint at the latest after this many new leaves; default 1,000
 * @param signingKeyValidFrom the instant the signing key signs from ({@code
 *     RATHAUS_TRANSPARENCY_SIGNINGKEYVALIDFROM}, ISO-8601); none: since the log began. Required
 *     with retired keys; before it, the engine signs no checkpoint
 * @param retiredKeys the keys that signed before the signing key, public halves only ({@code
 *     RATHAUS_TRANSPARENCY_RETIREDKEYS_0_PUBLICKEY}, {@code _0_VALIDFROM}, {@code _0_VALIDUNTIL}):
 *     their checkpoints verify within their periods
 */
@ConfigurationProperties("rathaus.transparency")
public record TransparencyProperties(
    String logId,
    String signingKey,
    Duration sealInterval,
    Duration checkpointInterval,
    Long checkpointEveryLeaves,
    Instant signingKeyValidFrom,
    List<TransparencyProperties.RetiredKey> retiredKeys) {

  /** The log id in demo mode. */
  public static final String DEMO_LOG_ID = "rathaus.example/demo";

  public TransparencyProperties {
    logId = logId == null || logId.isBlank() ? null : logId.trim();
    signingKey = signingKey == null || signingKey.isBlank() ? null : signingKey;
    sealInterval = sealInterval == null ? Duration.ofSeconds(1) : sealInterval;
    checkpointInterval = checkpointInterval == null ? Duration.ofSeconds(10) : checkpointInterval;
    checkpointEveryLeaves = checkpointEveryLeaves == null ? 1_000L : checkpointEveryLeaves;
    retiredKeys =
        retiredKeys == null
            ? List.of()
            : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(retiredKeys));
  }

  /**
   * A key that signed the log's checkpoints before the signing key: its public half only (the
   * private half is never needed again), and when it signed.
   *
   * @param publicKey a PEM {@code PUBLIC KEY}, a C2SP verifier key or the well-known JSON of it
   * @param validFrom the first instant it signed at; none: since the log began
   * @param validUntil the instant it stopped signing at (excluded); required
   */
  public record RetiredKey(String publicKey, Instant validFrom, Instant validUntil) {

    public RetiredKey {
      publicKey = publicKey == null || publicKey.isBlank() ? null : publicKey;
    }
  }
}
