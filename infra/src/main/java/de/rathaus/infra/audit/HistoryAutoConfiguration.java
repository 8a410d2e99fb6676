package de.rathaus.infra.audit;

import de.rathaus.application.audit.RecordedHistory;
import de.rathaus.infra.eventstore.EventStoreAutoConfiguration;
import de.rathaus.infra.eventstore.MongoEventStorageEngine;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The stored history read back for auditors, on the engine's own event store. */
@AutoConfiguration(after = EventStoreAutoConfiguration.class)
public class HistoryAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(RecordedHistory.class)
  @ConditionalOnBean(MongoEventStorageEngine.class)
  public RecordedHistory recordedHistory(MongoEventStorageEngine engine) {
    // AUDIT-INDEX: replaced by the audit index's positions when the audit trail is merged
    return new StoredHistory(
        engine,
        id -> {
          throw new UnsupportedOperationException("the audit index is not wired yet");
        });
  }
}
