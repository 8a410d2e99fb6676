package de.rathaus.api.transparency;

import de.rathaus.api.shared.Aggregates;
import de.rathaus.api.shared.DataDirectoryProperties;
import de.rathaus.api.shared.DemoMode;
import de.rathaus.api.shared.PeriodicTask;
import de.rathaus.api.shared.ReadModelProgress;
import de.rathaus.api.shared.ReadModels;
import de.rathaus.application.transparency.CheckpointProjection;
import de.rathaus.application.transparency.CheckpointWatch;
import de.rathaus.application.transparency.Checkpoints;
import de.rathaus.application.transparency.HistoryLog;
import de.rathaus.application.transparency.LogKey;
import de.rathaus.application.transparency.LogKeySet;
import de.rathaus.application.transparency.VerifierKey;
import de.rathaus.domain.transparency.TransparencyLog;
import de.rathaus.domain.transparency.TransparencyLogId;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Puts the tamper-evident log in the engine: its key and id (fail closed outside demo mode), the
 * checkpoints' aggregate and read model, and the watch that seals and signs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TransparencyProperties.class)
public class TransparencyConfiguration {

  /** Where demo mode keeps the key it generated, in the data directory. */
  static final String DEMO_KEY_FILE = "transparency-log-key.pem";

  /** Events of the log's aggregate between two of its snapshots. */
  static final int LOG_SNAPSHOT_EVERY = 100;

  /** The log's aggregate: a stream without end, loaded for each checkpoint from a snapshot. */
  @Bean
  public ConfigurerModule transparencyLogAggregate() {
    return Aggregates.ownEventsOnlyWithSnapshots(TransparencyLog.class, LOG_SNAPSHOT_EVERY);
  }

  /** The citizens' receipts, for the API and the portal. */
  @Bean
  public Receipts receipts(
      org.axonframework.queryhandling.QueryGateway queries,
      HistoryLog history,
      Checkpoints checkpoints,
      TransparencyProperties properties) {
    return new Receipts(queries, history, checkpoints, properties);
  }

  @Bean
  public CheckpointProjection checkpointProjection(Checkpoints checkpoints) {
    return new CheckpointProjection(checkpoints);
  }

  /** The checkpoints, on their own processor {@value CheckpointProjection#NAME}. */
  @Bean
  public ConfigurerModule checkpointsProcessor(ReadModelProgress progress) {
    return ReadModels.readModel(CheckpointProjection.NAME, CheckpointProjection.class, progress);
  }

  @Bean
  public TransparencyLogId transparencyLogId(
      TransparencyProperties properties, Environment environment) {
    if (properties.logId() != null) {
      return new TransparencyLogId(properties.logId());
    }
    if (DemoMode.of(environment) == DemoMode.ON) {
      return new TransparencyLogId(TransparencyProperties.DEMO_LOG_ID);
    }
    throw new IllegalStateException(
        "No id for the tamper-evident log: set RATHAUS_TRANSPARENCY_LOGID to the city's origin,"
            + " e.g. heilbronn.de/rathaus (only demo mode has one of its own)");
  }

  @Bean
  public LogKey transparencyLogKey(
      TransparencyProperties properties,
      DataDirectoryProperties dataDirectory,
      Environment environment) {
    return LogKey.load(
        properties.signingKey(),
        dataDirectory.dataDir().resolve(DEMO_KEY_FILE),
        DemoMode.of(environment) == DemoMode.ON);
  }

  /** The public key, under the log id as its name. */
  @Bean
  public VerifierKey transparencyVerifierKey(LogKey key, TransparencyLogId logId) {
    return key.verifierKey(logId.value());
  }

  /**
   * Every key of the log with its period, the signing key first: what every verification checks a
   * checkpoint with, and what the well-known address publishes. Fails closed on settings that make
   * a checkpoint's key ambiguous ({@link LogKeySettings}).
   */
  @Bean
  public LogKeySet transparencyLogKeys(
      TransparencyProperties properties, LogKey key, TransparencyLogId logId) {
    return LogKeySettings.keySet(properties, key, logId);
  }

  @Bean
  public CheckpointWatch checkpointWatch(
      HistoryLog log,
      Checkpoints checkpoints,
      LogKey key,
      TransparencyLogId logId,
      CommandGateway commands,
      Clock clock,
      TransparencyProperties properties) {
    return new CheckpointWatch(
        log,
        checkpoints,
        key,
        logId,
        commands,
        clock,
        properties.checkpointEveryLeaves(),
        properties.checkpointInterval(),
        properties.signingKeyValidFrom());
  }

  /** Seals the history every {@code rathaus.transparency.seal-interval}, signing when due. */
  @Bean
  public PeriodicTask checkpointSchedule(
      CheckpointWatch watch, MeterRegistry meters, TransparencyProperties properties) {
    return new PeriodicTask(
        "checkpoint-watch",
        properties.sealInterval(),
        () -> new PeriodicTask.Outcome(watch.run().signedSize().isPresent() ? 1 : 0, List.of()),
        meters);
  }
}
