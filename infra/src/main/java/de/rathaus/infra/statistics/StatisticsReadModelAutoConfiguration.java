package de.rathaus.infra.statistics;

import com.mongodb.client.MongoDatabase;
import de.rathaus.application.statistics.StatisticsStores;
import de.rathaus.infra.mongo.MongoStorageAutoConfiguration;
import de.rathaus.infra.privacy.PersonalDataAutoConfiguration;
import de.rathaus.infra.privacy.ProtectedJson;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The statistics' read models on MongoDB. */
@AutoConfiguration(
    after = {MongoStorageAutoConfiguration.class, PersonalDataAutoConfiguration.class})
public class StatisticsReadModelAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(StatisticsStores.class)
  public StatisticsStores statisticsStores(MongoDatabase database, ProtectedJson json) {
    return new MongoStatisticsStores(database, json.mapper());
  }
}
