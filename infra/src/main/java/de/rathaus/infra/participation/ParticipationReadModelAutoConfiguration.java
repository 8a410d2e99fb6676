package de.rathaus.infra.participation;

import com.mongodb.client.MongoDatabase;
import de.rathaus.application.audit.RebuildableReadModel;
import de.rathaus.application.participation.ActionFieldProjection;
import de.rathaus.application.participation.ActionFieldViews;
import de.rathaus.application.participation.ConsultationProjection;
import de.rathaus.application.participation.ConsultationViews;
import de.rathaus.application.participation.ModerationLog;
import de.rathaus.application.participation.ModerationLogProjection;
import de.rathaus.application.participation.ProposalProjection;
import de.rathaus.application.participation.ProposalViews;
import de.rathaus.application.participation.Pseudonyms;
import de.rathaus.infra.mongo.MongoStorageAutoConfiguration;
import de.rathaus.infra.privacy.KeyedPseudonyms;
import de.rathaus.infra.privacy.PersonalDataAutoConfiguration;
import de.rathaus.infra.privacy.ProtectedJson;
import de.rathaus.infra.privacy.SubjectKeyStore;
import de.rathaus.infra.shared.MongoReadModelGenerations;
import de.rathaus.infra.shared.ReadModelGenerationsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * E-participation's read models on MongoDB: the action fields, the consultations, the proposals and
 * the public moderation log.
 */
@AutoConfiguration(
    after = {
      MongoStorageAutoConfiguration.class,
      PersonalDataAutoConfiguration.class,
      ReadModelGenerationsAutoConfiguration.class
    })
public class ParticipationReadModelAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(ActionFieldViews.class)
  public ActionFieldViews actionFieldViews(
      MongoDatabase database, ProtectedJson json, MongoReadModelGenerations generations) {
    return new MongoActionFieldViews(
        generations.live(database, ActionFieldProjection.NAME), json.mapper());
  }

  /** The {@value ActionFieldProjection.NAME} read model can be rebuilt by name (version 1). */
  @Bean
  public RebuildableReadModel actionFieldViewsRebuild(
      MongoDatabase database, ProtectedJson json, MongoReadModelGenerations generations) {
    return generations.rebuildable(
        database,
        ActionFieldProjection.NAME,
        1,
        in -> new ActionFieldProjection(new MongoActionFieldViews(in, json.mapper())));
  }

  @Bean
  @ConditionalOnMissingBean(ConsultationViews.class)
  public ConsultationViews consultationViews(
      MongoDatabase database, ProtectedJson json, MongoReadModelGenerations generations) {
    return new MongoConsultationViews(
        generations.live(database, ConsultationProjection.NAME), json.mapper());
  }

  /** The {@value ConsultationProjection.NAME} read model can be rebuilt by name (version 1). */
  @Bean
  public RebuildableReadModel consultationViewsRebuild(
      MongoDatabase database, ProtectedJson json, MongoReadModelGenerations generations) {
    return generations.rebuildable(
        database,
        ConsultationProjection.NAME,
        1,
        in -> new ConsultationProjection(new MongoConsultationViews(in, json.mapper())));
  }

  @Bean
  @ConditionalOnMissingBean(ProposalViews.class)
  public ProposalViews proposalViews(
      MongoDatabase database, ProtectedJson json, MongoReadModelGenerations generations) {
    return new MongoProposalViews(
        generations.live(database, ProposalProjection.NAME), json.mapper());
  }

  /** The {@value ProposalProjection.NAME} read model can be rebuilt by name (version 1). */
  @Bean
  public RebuildableReadModel proposalViewsRebuild(
      MongoDatabase database, ProtectedJson json, MongoReadModelGenerations generations) {
    return generations.rebuildable(
        database,
        ProposalProjection.NAME,
        1,
        in -> new ProposalProjection(new MongoProposalViews(in, json.mapper())));
  }

  @Bean
  @ConditionalOnMissingBean(ModerationLog.class)
  public ModerationLog moderationLog(
      MongoDatabase database, ProtectedJson json, MongoReadModelGenerations generations) {
    return new MongoModerationLog(
        generations.live(database, ModerationLogProjection.NAME), json.mapper());
  }

  /** The {@value ModerationLogProjection.NAME} read model can be rebuilt by name (version 1). */
  @Bean
  public RebuildableReadModel moderationLogRebuild(
      MongoDatabase database, ProtectedJson json, MongoReadModelGenerations generations) {
    return generations.rebuildable(
        database,
        ModerationLogProjection.NAME,
        1,
        in -> new ModerationLogProjection(new MongoModerationLog(in, json.mapper())));
  }

  // --- supports helper

  /** Supports and ratings under pseudonyms keyed by the citizen's key (erasure unlinks them). */
  @Bean
  @ConditionalOnMissingBean(Pseudonyms.class)
  public Pseudonyms pseudonyms(SubjectKeyStore keys) {
    return new KeyedPseudonyms(keys);
  }
}
