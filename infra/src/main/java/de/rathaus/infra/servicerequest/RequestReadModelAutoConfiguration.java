package de.rathaus.infra.servicerequest;

import com.mongodb.client.MongoDatabase;
import de.rathaus.application.servicerequest.CaseNumbers;
import de.rathaus.application.servicerequest.CaseViews;
import de.rathaus.application.servicerequest.RequestViews;
import de.rathaus.infra.mongo.MongoStorageAutoConfiguration;
import de.rathaus.infra.privacy.PersonalDataAutoConfiguration;
import de.rathaus.infra.privacy.ProtectedJson;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Requests' read models and case numbers on MongoDB. */
@AutoConfiguration(
    after = {MongoStorageAutoConfiguration.class, PersonalDataAutoConfiguration.class})
@EnableConfigurationProperties(CaseNumberProperties.class)
public class RequestReadModelAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(RequestViews.class)
  public RequestViews requestViews(MongoDatabase database, ProtectedJson json) {
    return new MongoRequestViews(database, json.mapper());
  }

  @Bean
  @ConditionalOnMissingBean(CaseViews.class)
  public CaseViews caseViews(MongoDatabase database, ProtectedJson json) {
    return new MongoCaseViews(database, json.mapper());
  }

  /** Case numbers start with the city's prefix, {@code HN} for Heilbronn unless configured. */
  @Bean
  @ConditionalOnMissingBean(CaseNumbers.class)
  public CaseNumbers caseNumbers(MongoDatabase database, CaseNumberProperties properties) {
    return new MongoCaseNumbers(database, properties.caseNumberPrefix());
  }
}
