package de.rathaus.infra.participation;

import com.mongodb.client.MongoDatabase;
import de.rathaus.application.participation.ActionFieldViews;
import de.rathaus.application.participation.ConsultationViews;
import de.rathaus.application.participation.ModerationLog;
import de.rathaus.application.participation.ProposalViews;
import de.rathaus.application.participation.Pseudonyms;
import de.rathaus.infra.mongo.MongoStorageAutoConfiguration;
import de.rathaus.infra.privacy.KeyedPseudonyms;
import de.rathaus.infra.privacy.PersonalDataAutoConfiguration;
import de.rathaus.infra.privacy.ProtectedJson;
import de.rathaus.infra.privacy.SubjectKeyStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * E-participation's read models on MongoDB: the action fields, the consultations, the proposals and
 * the public moderation log.
 */
@AutoConfiguration(
    after = {MongoStorageAutoConfiguration.class, PersonalDataAutoConfiguration.class})
public class ParticipationReadModelAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(ActionFieldViews.class)
  public ActionFieldViews actionFieldViews(MongoDatabase database, ProtectedJson json) {
    return new MongoActionFieldViews(database, json.mapper());
  }

  @Bean
  @ConditionalOnMissingBean(ConsultationViews.class)
  public ConsultationViews consultationViews(MongoDatabase database, ProtectedJson json) {
    return new MongoConsultationViews(database, json.mapper());
  }

  @Bean
  @ConditionalOnMissingBean(ProposalViews.class)
  public ProposalViews proposalViews(MongoDatabase database, ProtectedJson json) {
    return new MongoProposalViews(database, json.mapper());
  }

  @Bean
  @ConditionalOnMissingBean(ModerationLog.class)
  public ModerationLog moderationLog(MongoDatabase database, ProtectedJson json) {
    return new MongoModerationLog(database, json.mapper());
  }

  // --- supports helper

  /** Supports and ratings under pseudonyms keyed by the citizen's key (erasure unlinks them). */
  @Bean
  @ConditionalOnMissingBean(Pseudonyms.class)
  public Pseudonyms pseudonyms(SubjectKeyStore keys) {
    return new KeyedPseudonyms(keys);
  }
}
