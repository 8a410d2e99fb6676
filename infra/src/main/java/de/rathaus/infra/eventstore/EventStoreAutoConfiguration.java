package de.rathaus.infra.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import de.rathaus.application.shared.EventCoverage;
import de.rathaus.application.shared.LiveClaims;
import de.rathaus.infra.mongo.MongoStorageAutoConfiguration;
import de.rathaus.infra.mongo.RathausStorageProperties;
import de.rathaus.infra.participation.ProposalAnsweredUpcaster;
import de.rathaus.infra.privacy.PersonalDataAutoConfiguration;
import de.rathaus.infra.privacy.ProtectedJson;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.axonframework.springboot.util.ConditionalOnMissingQualifiedBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Puts Rathaus' own event storage engine, its MongoDB token store, its event serializer (which
 * encrypts personal data) and pooled streaming processors under Axon. Axon's embedded event store
 * is created on top of the engine by Axon's own auto-configuration.
 */
@AutoConfiguration(
    after = {MongoStorageAutoConfiguration.class, PersonalDataAutoConfiguration.class},
    before = {AxonAutoConfiguration.class, EventProcessingAutoConfiguration.class})
public class EventStoreAutoConfiguration {

  static final String TOKENS_COLLECTION = "tokens";
  static final String INSTANCES_COLLECTION = "instances";

  /**
   * How long a claim (and an instance's beat) may go unchanged before others count its owner as
   * dead: a dead instance's segments are taken over within this plus one claim cycle (5 s).
   */
  static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

  /** How often a command that lost a race with another instance is sent again, and first when. */
  static final int CONFLICT_RETRIES = 5;

  static final Duration FIRST_CONFLICT_PAUSE = Duration.ofMillis(10);

  @Bean
  @ConditionalOnMissingBean(EventStorageEngine.class)
  public MongoEventStorageEngine eventStorageEngine(
      MongoDatabase database,
      RathausStorageProperties properties,
      Serializer serializer,
      @Qualifier("eventSerializer") Serializer eventSerializer,
      Configuration configuration,
      ObjectProvider<AppendHook> appendHook,
      ObjectProvider<Clock> clock) {
    RathausStorageProperties.EventStore tuning = properties.eventStore();
    MongoEventStorageEngine engine =
        MongoEventStorageEngine.builder()
            .database(database)
            .clock(clock.getIfAvailable(Clock::systemUTC))
            .appendHook(appendHook.getIfAvailable(() -> AppendHook.NONE))
            .leaseAndGapTimeout(tuning.lease(), tuning.gapTimeout())
            .positionBlockSize(tuning.positionBlockSize())
            .batchSize(tuning.batchSize())
            .eventSerializer(eventSerializer)
            .snapshotSerializer(snapshotSerializer(serializer))
            .upcasterChain(upcasters(configuration.upcasterChain(), eventSerializer))
            .build();
    engine.ensureIndexes();
    return engine;
  }

  /**
   * The engine's upcaster chain: the application's upcasters (every {@code EventUpcaster} bean, in
   * their order), then the {@link NewerRevisionGuard}, always last, so that it sees each event in
   * the newest revision this version can bring it to.
   */
  public static EventUpcaster upcasters(EventUpcaster application, Serializer eventSerializer) {
    return new EventUpcasterChain(application, new NewerRevisionGuard(eventSerializer));
  }

  /** ProposalAnswered revision 1 (German reasoning alone) to 2 (German and English). */
  @Bean
  public ProposalAnsweredUpcaster proposalAnsweredUpcaster() {
    return new ProposalAnsweredUpcaster();
  }

  /**
   * The serializer of event payloads and metadata: Jackson with the {@link ProtectedJson} mapper,
   * so personal data is stored encrypted. Named and qualified {@code eventSerializer}, so Axon's
   * own (built from {@code axon.serializer.events}) backs off; the general and message serializers
   * stay Axon's, with the application's mapper.
   */
  @Bean
  @Qualifier("eventSerializer")
  @ConditionalOnMissingQualifiedBean(beanClass = Serializer.class, qualifier = "eventSerializer")
  public Serializer eventSerializer(
      ProtectedJson json, ObjectProvider<RevisionResolver> revisionResolver) {
    return JacksonSerializer.builder()
        .objectMapper(json.mapper())
        .revisionResolver(revisionResolver.getIfAvailable(AnnotationRevisionResolver::new))
        .build();
  }

  /**
   * Snapshots hold whole aggregates, whose state lives in private fields without accessors (the
   * domain knows nothing of Jackson): the snapshot serializer reads and writes fields directly.
   */
  public static Serializer snapshotSerializer(Serializer general) {
    if (!(general instanceof JacksonSerializer jackson)) {
      return general;
    }
    ObjectMapper fields =
        jackson
            .getObjectMapper()
            .copy()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    return JacksonSerializer.builder().objectMapper(fields).build();
  }

  /**
   * The command gateway, which sends a command again when its append lost a race with another
   * instance ({@link ConflictRetry}: 5 retries, pauses of about 10, 20, 40, 80 and 160 ms), so that
   * a conflict between instances reaches the caller only if it persists for all of them.
   */
  @Bean
  @ConditionalOnMissingBean(CommandGateway.class)
  public CommandGateway commandGateway(CommandBus commandBus) {
    return DefaultCommandGateway.builder()
        .commandBus(commandBus)
        .retryScheduler(new ConflictRetry(CONFLICT_RETRIES, FIRST_CONFLICT_PAUSE))
        .build();
  }

  /** The engine instances sharing the store, for each one's fair share of segments. */
  @Bean(initMethod = "start", destroyMethod = "close")
  @ConditionalOnMissingBean(EngineInstances.class)
  public EngineInstances engineInstances(MongoDatabase database) {
    return new EngineInstances(
        database, INSTANCES_COLLECTION, MongoTokenStore.newNodeId(), CLAIM_TIMEOUT);
  }

  @Bean
  @ConditionalOnMissingBean(TokenStore.class)
  public TokenStore tokenStore(
      MongoDatabase database,
      Serializer serializer,
      EngineInstances instances,
      ObjectProvider<Clock> clock) {
    return new MongoTokenStore(
        database,
        TOKENS_COLLECTION,
        serializer,
        CLAIM_TIMEOUT,
        instances.nodeId(),
        clock.getIfAvailable(Clock::systemUTC));
  }

  /**
   * The segments other instances claim while their beat moves: readiness counts them as applied by
   * their claimant instead of waiting for claims to settle.
   */
  @Bean
  @ConditionalOnMissingBean(LiveClaims.class)
  public LiveClaims liveClaims(TokenStore tokens, EngineInstances instances) {
    if (!(tokens instanceof MongoTokenStore claims)) {
      return LiveClaims.NONE;
    }
    return processor ->
        claims.claimants(processor).entrySet().stream()
            .filter(claim -> instances.seenAlive(claim.getValue()))
            .map(java.util.Map.Entry::getKey)
            .collect(java.util.stream.Collectors.toSet());
  }

  /**
   * Whether a processor's token has every event of another (the head): the engine knows which of a
   * token's gaps hold no event any more, so readiness and read-your-writes do not wait for gaps
   * given up after a processor passed them.
   */
  @Bean
  @ConditionalOnMissingBean(EventCoverage.class)
  public EventCoverage eventCoverage(EventStorageEngine engine) {
    if (!(engine instanceof MongoEventStorageEngine ours)) {
      return EventCoverage.TOKENS;
    }
    return ours::hasEverythingOf;
  }

  /** Every event processor is a pooled streaming processor unless configured otherwise. */
  @Bean
  public ConfigurerModule pooledStreamingProcessorsByDefault() {
    return configurer ->
        configurer.eventProcessing(processing -> processing.usingPooledStreamingEventProcessors());
  }

  /**
   * Several instances share a processor's segments out: each claims at most {@code ceil(segments /
   * live instances)} and releases what it holds above that (Axon's coordinator asks at every claim
   * cycle), so a second instance gets half of the segments while the first lives, instead of none.
   */
  @Bean
  public ConfigurerModule segmentsSharedOutFairly(EngineInstances instances) {
    return configurer ->
        configurer.eventProcessing(
            processing ->
                processing.registerPooledStreamingEventProcessorConfiguration(
                    (config, builder) ->
                        builder.maxSegmentProvider(
                            instances.fairShare(
                                name ->
                                    config
                                        .eventProcessingConfiguration()
                                        .tokenStore(name)
                                        .fetchSegments(name)
                                        .length))));
  }

  /**
   * A processor whose handler fails on an event stops at that event and tries it again later (with
   * Axon's growing back-off), instead of Axon's default of logging the failure and going on. Going
   * on would leave the read model without that event for good (a database that was away a moment, a
   * key store not yet restored), and read-your-writes would count it as applied; stopping keeps the
   * read model as it was until the event can be applied, and then it catches up by itself. The
   * processor's status shows the error meanwhile.
   */
  @Bean
  public ConfigurerModule failedEventsHoldTheirProcessor() {
    return configurer ->
        configurer.eventProcessing(
            processing ->
                processing.registerDefaultListenerInvocationErrorHandler(
                    c -> PropagatingErrorHandler.instance()));
  }
}
