package de.rathaus.api.participation;

import de.rathaus.api.shared.Aggregates;
import de.rathaus.api.shared.PeriodicTask;
import de.rathaus.api.shared.ReadModelProgress;
import de.rathaus.api.shared.ReadModels;
import de.rathaus.application.participation.ActionFieldProjection;
import de.rathaus.application.participation.ActionFieldViews;
import de.rathaus.application.participation.ConsultationAdministration;
import de.rathaus.application.participation.ConsultationProjection;
import de.rathaus.application.participation.ConsultationViews;
import de.rathaus.application.participation.ModerationLog;
import de.rathaus.application.participation.ModerationLogProjection;
import de.rathaus.application.participation.PhaseWatch;
import de.rathaus.application.participation.ProposalProjection;
import de.rathaus.application.participation.ProposalSequencing;
import de.rathaus.application.participation.ProposalViews;
import de.rathaus.application.participation.Pseudonyms;
import de.rathaus.application.participation.Supports;
import de.rathaus.application.shared.AppliedSequences;
import de.rathaus.domain.participation.ActionField;
import de.rathaus.domain.participation.ActionFieldId;
import de.rathaus.domain.participation.Consultation;
import de.rathaus.domain.participation.Proposal;
import de.rathaus.domain.participation.Rating;
import de.rathaus.domain.participation.Support;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts e-participation's aggregates, projections, use cases and the phase watch (plain Java) in the
 * engine.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ParticipationProperties.class)
public class ParticipationConfiguration {

  @Bean
  public ConfigurerModule actionFieldAggregate() {
    return Aggregates.ownEventsOnly(ActionField.class);
  }

  @Bean
  public ActionFieldProjection actionFieldProjection(ActionFieldViews views) {
    return new ActionFieldProjection(views);
  }

  /** The action fields, on their own processor {@value ActionFieldProjection#NAME}. */
  @Bean
  public ConfigurerModule actionFieldsProcessor(
      ReadModelProgress progress, ActionFieldViews views) {
    // an action field's record is kept under its code, its history under action-field:<code>
    return ReadModels.readModel(
        ActionFieldProjection.NAME,
        ActionFieldProjection.class,
        progress,
        ActionField.class,
        AppliedSequences.of(views, id -> new ActionFieldId(id).code().value()));
  }

  @Bean
  public ConfigurerModule consultationAggregate() {
    return Aggregates.ownEventsOnly(Consultation.class);
  }

  @Bean
  public ConsultationProjection consultationProjection(ConsultationViews views) {
    return new ConsultationProjection(views);
  }

  /** The consultations, on their own processor {@value ConsultationProjection#NAME}. */
  @Bean
  public ConfigurerModule consultationsProcessor(
      ReadModelProgress progress, ConsultationViews views) {
    return ReadModels.readModel(
        ConsultationProjection.NAME,
        ConsultationProjection.class,
        progress,
        Consultation.class,
        AppliedSequences.of(views));
  }

  @Bean
  public ConfigurerModule proposalAggregate() {
    return Aggregates.ownEventsOnly(Proposal.class);
  }

  @Bean
  public ProposalProjection proposalProjection(ProposalViews views) {
    return new ProposalProjection(views);
  }

  /** The proposals, on their own processor {@value ProposalProjection#NAME}. */
  @Bean
  public ConfigurerModule proposalsProcessor(ReadModelProgress progress, ProposalViews views) {
    // the proposal's own events only: supports and ratings are histories of their own, counted
    // into the tally by tracking token (see ReadYourWrites)
    return ReadModels.readModel(
        ProposalProjection.NAME,
        ProposalProjection.class,
        progress,
        Proposal.class,
        AppliedSequences.of(views));
  }

  // --- comments and moderation

  @Bean
  public ModerationLogProjection moderationLogProjection(ModerationLog log) {
    return new ModerationLogProjection(log);
  }

  /** The public moderation log, on its own processor {@value ModerationLogProjection#NAME}. */
  @Bean
  public ConfigurerModule moderationLogProcessor(ReadModelProgress progress) {
    return ReadModels.readModel(
        ModerationLogProjection.NAME, ModerationLogProjection.class, progress);
  }

  @Bean
  public ConsultationAdministration consultationAdministration(
      CommandGateway commands, QueryGateway queries, Clock clock) {
    return new ConsultationAdministration(commands, queries, clock);
  }

  @Bean
  public PhaseWatch phaseWatch(ConsultationViews consultations, CommandGateway commands) {
    return new PhaseWatch(consultations, commands);
  }

  /**
   * Moves consultations at their dates once the engine is ready and every {@code
   * rathaus.participation.phase-check-interval}; one that could not be moved is logged and counted
   * with its id.
   */
  @Bean
  public PeriodicTask phaseSchedule(
      PhaseWatch watch, Clock clock, MeterRegistry meters, ParticipationProperties properties) {
    return new PeriodicTask(
        "phase-watch",
        properties.phaseCheckInterval(),
        () -> {
          PhaseWatch.Run run = watch.advance(clock.instant());
          return new PeriodicTask.Outcome(
              run.moved().size(),
              run.failed().stream()
                  .map(f -> new PeriodicTask.Failure(f.id().value(), f.cause()))
                  .toList());
        },
        meters);
  }

  // --- supports helper: supports and ratings, each a small history of its own

  @Bean
  public ConfigurerModule supportAggregate() {
    return Aggregates.ownEventsOnly(Support.class);
  }

  @Bean
  public ConfigurerModule ratingAggregate() {
    return Aggregates.ownEventsOnly(Rating.class);
  }

  /**
   * The proposals' processor takes a proposal's events, its supports' and ratings' included, in
   * order per proposal (see {@link ProposalSequencing}).
   */
  @Bean
  public ConfigurerModule proposalsSequencing() {
    return configurer ->
        configurer.eventProcessing(
            processing ->
                processing.registerSequencingPolicy(
                    ProposalProjection.NAME, configuration -> new ProposalSequencing()));
  }

  @Bean
  public Supports supports(CommandGateway commands, Pseudonyms pseudonyms, EventStore events) {
    return new Supports(commands, pseudonyms, events);
  }
}
