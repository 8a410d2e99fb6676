package de.rathaus.infra.servicerequest;

import com.mongodb.client.MongoDatabase;
import de.rathaus.application.audit.RebuildableReadModel;
import de.rathaus.application.servicerequest.ApplicantNameIndex;
import de.rathaus.application.servicerequest.AttachmentFiles;
import de.rathaus.application.servicerequest.CaseNumbers;
import de.rathaus.application.servicerequest.CaseProjection;
import de.rathaus.application.servicerequest.CaseViews;
import de.rathaus.application.servicerequest.RequestProjection;
import de.rathaus.application.servicerequest.RequestViews;
import de.rathaus.infra.mongo.MongoStorageAutoConfiguration;
import de.rathaus.infra.mongo.RathausMongo;
import de.rathaus.infra.privacy.PersonalDataAutoConfiguration;
import de.rathaus.infra.privacy.ProtectedJson;
import de.rathaus.infra.privacy.SubjectKeyStore;
import de.rathaus.infra.shared.MongoReadModelGenerations;
import de.rathaus.infra.shared.ReadModelGenerationsAutoConfiguration;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Requests' read models and case numbers on MongoDB. */
@AutoConfiguration(
    after = {
      MongoStorageAutoConfiguration.class,
      PersonalDataAutoConfiguration.class,
      ReadModelGenerationsAutoConfiguration.class
    })
@EnableConfigurationProperties(CaseNumberProperties.class)
public class RequestReadModelAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(RequestViews.class)
  public RequestViews requestViews(
      MongoDatabase database, ProtectedJson json, MongoReadModelGenerations generations) {
    return new MongoRequestViews(generations.live(database, RequestProjection.NAME), json.mapper());
  }

  /** The {@value RequestProjection.NAME} read model can be rebuilt by name (version 1). */
  @Bean
  public RebuildableReadModel requestViewsRebuild(
      MongoDatabase database, ProtectedJson json, MongoReadModelGenerations generations) {
    return generations.rebuildable(
        database,
        RequestProjection.NAME,
        1,
        in -> new RequestProjection(new MongoRequestViews(in, json.mapper())));
  }

  @Bean
  @ConditionalOnMissingBean(CaseViews.class)
  public CaseViews caseViews(
      MongoDatabase database,
      ProtectedJson json,
      MongoReadModelGenerations generations,
      ObjectProvider<ApplicantNameIndex> names) {
    return new MongoCaseViews(
        generations.live(database, CaseProjection.NAME), json.mapper(), names.getIfAvailable());
  }

  /**
   * The {@value CaseProjection.NAME} read model can be rebuilt by name (version 2: with the case
   * number and the applicants' name index among the query fields).
   */
  @Bean
  public RebuildableReadModel caseViewsRebuild(
      MongoDatabase database,
      ProtectedJson json,
      MongoReadModelGenerations generations,
      ObjectProvider<ApplicantNameIndex> names) {
    return generations.rebuildable(
        database,
        CaseProjection.NAME,
        2,
        in -> new CaseProjection(new MongoCaseViews(in, json.mapper(), names.getIfAvailable())));
  }

  /**
   * The bytes of attached documents, encrypted under the applicant's subject key in {@code
   * attachment_files} and {@code attachment_chunks}.
   */
  @Bean
  @ConditionalOnMissingBean(AttachmentFiles.class)
  public AttachmentFiles attachmentFiles(
      RathausMongo mongo, SubjectKeyStore keys, ObjectProvider<Clock> clock) {
    Runnable afterWrite = mongo.isEmbedded() ? mongo.embedded()::commit : () -> {};
    return new MongoAttachmentFiles(
        mongo.database(),
        keys,
        afterWrite,
        new SecureRandom(),
        clock.getIfAvailable(Clock::systemUTC));
  }

  /** Case numbers start with the city's prefix, {@code HN} for Heilbronn unless configured. */
  @Bean
  @ConditionalOnMissingBean(CaseNumbers.class)
  public CaseNumbers caseNumbers(MongoDatabase database, CaseNumberProperties properties) {
    return new MongoCaseNumbers(database, properties.caseNumberPrefix());
  }
}
