package de.rathaus.infra.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoDatabase;
import de.rathaus.application.audit.AuditTrail;
import de.rathaus.application.audit.RecordedHistory;
import de.rathaus.infra.eventstore.EventStoreAutoConfiguration;
import de.rathaus.infra.eventstore.MongoEventStorageEngine;
import de.rathaus.infra.mongo.MongoStorageAutoConfiguration;
import de.rathaus.infra.privacy.PersonalDataAutoConfiguration;
import de.rathaus.infra.privacy.ProtectedJson;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The audit index and the audit trail on MongoDB and Rathaus' own event store. */
@AutoConfiguration(
    after = {
      MongoStorageAutoConfiguration.class,
      PersonalDataAutoConfiguration.class,
      EventStoreAutoConfiguration.class
    })
public class AuditAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public MongoAuditIndex auditIndex(MongoDatabase database) {
    return new MongoAuditIndex(database);
  }

  @Bean
  @ConditionalOnMissingBean(AuditTrail.class)
  @ConditionalOnBean(MongoEventStorageEngine.class)
  public AuditTrail auditTrail(
      MongoEventStorageEngine engine,
      MongoAuditIndex index,
      ProtectedJson json,
      ObjectProvider<ObjectMapper> mappers) {
    ObjectMapper plain =
        mappers.getIfUnique(
            () ->
                JsonMapper.builder()
                    .findAndAddModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .build());
    return new MongoAuditTrail(engine.reader(), index, new Disclosures(json.mapper(), plain));
  }

  /**
   * The history read back as processors receive it, for views as of a moment; a proposal's supports
   * and ratings are found through the audit index.
   */
  @Bean
  @ConditionalOnMissingBean(RecordedHistory.class)
  @ConditionalOnBean(MongoEventStorageEngine.class)
  public RecordedHistory recordedHistory(MongoEventStorageEngine engine, AuditTrail trail) {
    return new StoredHistory(engine, id -> trail.positionsAbout(id, Long.MAX_VALUE));
  }
}
