package de.rathaus.api.transparency;

import java.time.Duration;
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
 */
@ConfigurationProperties("rathaus.transparency")
public record TransparencyProperties(
    String logId,
    String signingKey,
    Duration sealInterval,
    Duration checkpointInterval,
    Long checkpointEveryLeaves) {

  /** The log id in demo mode. */
  public static final String DEMO_LOG_ID = "rathaus.example/demo";

  public TransparencyProperties {
    logId = logId == null || logId.isBlank() ? null : logId.trim();
    signingKey = signingKey == null || signingKey.isBlank() ? null : signingKey;
    sealInterval = sealInterval == null ? Duration.ofSeconds(1) : sealInterval;
    checkpointInterval = checkpointInterval == null ? Duration.ofSeconds(10) : checkpointInterval;
    checkpointEveryLeaves = checkpointEveryLeaves == null ? 1_000L : checkpointEveryLeaves;
  }
}
