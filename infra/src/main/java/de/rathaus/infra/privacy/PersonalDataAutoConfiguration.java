package de.rathaus.infra.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoDatabase;
import de.rathaus.application.audit.RebuildableReadModel;
import de.rathaus.application.privacy.AccessLog;
import de.rathaus.application.privacy.MissingKeys;
import de.rathaus.application.privacy.PrivacySubjects;
import de.rathaus.application.privacy.PrivacySubjectsProjection;
import de.rathaus.infra.mongo.MongoStorageAutoConfiguration;
import de.rathaus.infra.mongo.RathausMongo;
import de.rathaus.infra.mongo.RathausStorageProperties;
import de.rathaus.infra.shared.MongoReadModelGenerations;
import de.rathaus.infra.shared.ReadModelGenerationsAutoConfiguration;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
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
    after = {MongoStorageAutoConfiguration.class, ReadModelGenerationsAutoConfiguration.class},
    afterName = "org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration",
    before = AxonAutoConfiguration.class)
@EnableConfigurationProperties({PrivacyProperties.class, RathausStorageProperties.class})
public class PersonalDataAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PersonalDataAutoConfiguration.class);

  /** Who read a citizen's personal data (collection {@code access_log}; not a read model). */
  @Bean
  @ConditionalOnMissingBean
  public AccessLog accessLog(MongoDatabase database) {
    return new MongoAccessLog(database);
  }

  /** The citizens whose personal data the engine holds (read model {@code privacy_subjects}). */
  @Bean
  @ConditionalOnMissingBean
  public PrivacySubjects privacySubjects(
      MongoDatabase database, MongoReadModelGenerations generations) {
    return new MongoPrivacySubjects(generations.live(database, PrivacySubjectsProjection.NAME));
  }

  /**
   * The {@value PrivacySubjectsProjection#NAME} read model can be rebuilt by name (version 1): the
   * projection alone, not the erasure completion that shares its processor (a rebuild must not
   * destroy keys again).
   */
  @Bean
  public RebuildableReadModel privacySubjectsRebuild(
      MongoDatabase database, MongoReadModelGenerations generations) {
    return generations.rebuildable(
        database,
        PrivacySubjectsProjection.NAME,
        1,
        in -> new PrivacySubjectsProjection(new MongoPrivacySubjects(in)));
  }

  /**
   * The keys, cached in memory for {@code rathaus.privacy.key-cache}; opened only after the checks
   * of {@link StoreMarker} and {@link KeyStoreChecks}, so the engine does not start on a database
   * of the old envelope format, nor with a key store that is unreadable, another engine's, or empty
   * while citizens hold personal data.
   */
  @Bean
  @ConditionalOnMissingBean(SubjectKeyStore.class)
  public SubjectKeyStore subjectKeyStore(
      PrivacyProperties privacy,
      RathausStorageProperties storage,
      RathausMongo mongo,
      PrivacySubjects subjects,
      ObjectProvider<Clock> engineClock) {
    return subjectKeyStore(
        privacy, storage, mongo, subjects, engineClock.getIfAvailable(Clock::systemUTC));
  }

  SubjectKeyStore subjectKeyStore(
      PrivacyProperties privacy,
      RathausStorageProperties storage,
      RathausMongo mongo,
      PrivacySubjects subjects) {
    return subjectKeyStore(privacy, storage, mongo, subjects, Clock.systemUTC());
  }

  private SubjectKeyStore subjectKeyStore(
      PrivacyProperties privacy,
      RathausStorageProperties storage,
      RathausMongo mongo,
      PrivacySubjects subjects,
      Clock clock) {
    Runnable afterWrite = mongo.isEmbedded() ? mongo.embedded()::commit : () -> {};
    long holdingData = subjects.countHoldingData();
    SubjectKeyStore store =
        switch (privacy.keyStore()) {
          case FILE -> {
            Path directory = privacy.keyDirIn(storage.dataDir()).toAbsolutePath();
            String keyStore =
                StoreMarker.check(
                    mongo.database(),
                    KeyStoreChecks.idOf(directory).orElseGet(() -> UUID.randomUUID().toString()),
                    afterWrite);
            KeyStoreChecks.checkDirectory(directory, keyStore, holdingData);
            FileSubjectKeyStore files =
                new FileSubjectKeyStore(directory, new SecureRandom(), clock);
            KeyStoreChecks.mark(directory, keyStore);
            yield files;
          }
          case MONGO -> {
            StoreMarker.check(mongo.database(), MongoSubjectKeyStore.COLLECTION, afterWrite);
            if (mongo.isEmbedded()) {
              log.warn(
                  "Subject keys are kept in the embedded database, whose file keeps deleted keys"
                      + " readable: use rathaus.privacy.key-store=file unless on MongoDB");
            }
            MongoSubjectKeyStore keys =
                new MongoSubjectKeyStore(mongo.database(), afterWrite, new SecureRandom(), clock);
            KeyStoreChecks.checkStore(keys, holdingData);
            yield keys;
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
