package de.rathaus.infra.shared;

import com.mongodb.client.MongoDatabase;
import de.rathaus.application.shared.IdempotencyRecords;
import de.rathaus.infra.mongo.MongoStorageAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Idempotency records on MongoDB. */
@AutoConfiguration(after = MongoStorageAutoConfiguration.class)
public class IdempotencyAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(IdempotencyRecords.class)
  public IdempotencyRecords idempotencyRecords(MongoDatabase database) {
    return new MongoIdempotencyRecords(database);
  }
}
