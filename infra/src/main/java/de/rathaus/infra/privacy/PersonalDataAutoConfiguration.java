package de.rathaus.infra.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import de.rathaus.application.privacy.MissingKeys;
import de.rathaus.infra.mongo.MongoStorageAutoConfiguration;
import de.rathaus.infra.mongo.RathausMongo;
import de.rathaus.infra.mongo.RathausStorageProperties;
import java.security.SecureRandom;
import java.time.Clock;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Crypto-shredding of personal data: the key store (also the application's {@code
 * PersonalDataKeys}) and the {@link ProtectedJson} mapper, with which the event serializer and the
 * read models store personal data encrypted.
 */
@AutoConfiguration(
    after = MongoStorageAutoConfiguration.class,
    afterName = "org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration",
    before = AxonAutoConfiguration.class)
@EnableConfigurationProperties({PrivacyProperties.class, RathausStorageProperties.class})
public class PersonalDataAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PersonalDataAutoConfiguration.class);

  /** The keys, cached in memory for {@code rathaus.privacy.key-cache}. */
  @Bean
  @ConditionalOnMissingBean(SubjectKeyStore.class)
  public SubjectKeyStore subjectKeyStore(
      PrivacyProperties privacy,
      RathausStorageProperties storage,
      ObjectProvider<RathausMongo> mongo) {
    SubjectKeyStore store =
        switch (privacy.keyStore()) {
          case FILE ->
              new FileSubjectKeyStore(
                  privacy.keyDirIn(storage.dataDir()), new SecureRandom(), Clock.systemUTC());
          case MONGO -> {
            RathausMongo database = mongo.getObject();
            Runnable afterWrite = () -> {};
            if (database.isEmbedded()) {
              log.warn(
                  "Subject keys are kept in the embedded database, whose file keeps deleted keys"
                      + " readable: use rathaus.privacy.key-store=file unless on MongoDB");
              afterWrite = database.embedded()::commit;
            }
            yield new MongoSubjectKeyStore(
                database.database(), afterWrite, new SecureRandom(), Clock.systemUTC());
          }
        };
    return new CachingSubjectKeyStore(store, privacy.keyCache());
  }

  /**
   * How many personal values could not be read since the start because their key was missing
   * without a recorded erasure.
   */
  @Bean
  @ConditionalOnMissingBean
  public MissingKeys missingKeys() {
    return new MissingKeys();
  }

  /** A copy of the application's mapper (the primary one) with the personal-data module. */
  @Bean
  @ConditionalOnMissingBean
  public ProtectedJson protectedJson(
      ObjectProvider<ObjectMapper> mappers, SubjectKeyStore keys, MissingKeys missing) {
    ObjectMapper application =
        mappers.getIfUnique(
            () ->
                mappers
                    .orderedStream()
                    .findFirst()
                    .orElseGet(
                        () ->
                            JsonMapper.builder()
                                .findAndAddModules()
                                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                .build()));
    return ProtectedJson.of(application, keys, missing);
  }
}
