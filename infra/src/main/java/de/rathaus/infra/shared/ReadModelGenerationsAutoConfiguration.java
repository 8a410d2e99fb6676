package de.rathaus.infra.shared;

import com.mongodb.client.MongoDatabase;
import de.rathaus.infra.mongo.MongoStorageAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The registry of read-model generations (see {@link MongoReadModelGenerations}), which every read
 * model's adapter is bound through.
 */
@AutoConfiguration(after = MongoStorageAutoConfiguration.class)
public class ReadModelGenerationsAutoConfiguration {

  @Bean
  public MongoReadModelGenerations readModelGenerations(MongoDatabase database) {
    return new MongoReadModelGenerations(database);
  }
}
