package de.rathaus.infra.participation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.rathaus.domain.participation.AnswerProposal;
import de.rathaus.domain.participation.AnswerReasoning;
import de.rathaus.domain.participation.AnswerStatus;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.Proposal;
import de.rathaus.domain.participation.ProposalAnswered;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.infra.eventstore.EventStoreAutoConfiguration;
import de.rathaus.infra.eventstore.MongoEventStorageEngine;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import de.rathaus.infra.privacy.CachingSubjectKeyStore;
import de.rathaus.infra.privacy.FileSubjectKeyStore;
import de.rathaus.infra.privacy.ProtectedJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ProposalAnswered} revision 1, exactly as that revision's code stored it (fixture {@code
 * fixtures/proposal-answered-r1}: the whole store and its key directory, written with that code
 * through the aggregate, the engine and the event serializer), read by this version through the
 * real engine: an aggregate load and a pooled streaming processor's replay get revision 2.
 */
class ProposalAnsweredUpcasterTest {

  private static final ProposalId ID =
      new ProposalId("proposal-9a4f3c2e-0000-4000-8000-00000000a001");
  private static final ConsultationId CONSULTATION =
      new ConsultationId("consultation-5b1d7e90-0000-4000-8000-00000000c001");
  private static final String FIXTURE = "/fixtures/proposal-answered-r1/";
  private static final String KEY =
      "e9b926f0c0cba1a6ed3f2ba77aef9f7bbc6c12c2a42afbbddf0810f1c9542f70.key";

  @TempDir Path dataDir;
  private EmbeddedMongoServer server;
  private MongoClient client;
  private MongoEventStorageEngine engine;
  private Serializer general;
  private Serializer events;

  @BeforeEach
  void storeAsRevisionOneLeftIt() throws Exception {
    Path keys = Files.createDirectories(dataDir.resolve("keys"));
    try (var key = getClass().getResourceAsStream(FIXTURE + "keys/" + KEY)) {
      Files.copy(key, keys.resolve(KEY));
    }
    server = EmbeddedMongoServer.start(dataDir.resolve("db"));
    client = MongoClients.create(server.connectionString());
    MongoDatabase database = client.getDatabase("rathaus");
    try (var store = getClass().getResourceAsStream(FIXTURE + "store.json")) {
      BsonDocument dump =
          BsonDocument.parse(new String(store.readAllBytes(), StandardCharsets.UTF_8));
      for (String collection : dump.keySet()) {
        for (BsonValue document : dump.getArray(collection)) {
          database.getCollection(collection, BsonDocument.class).insertOne(document.asDocument());
        }
      }
    }
    ObjectMapper application =
        JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    ProtectedJson json =
        ProtectedJson.of(
            application,
            new CachingSubjectKeyStore(FileSubjectKeyStore.in(keys), Duration.ofSeconds(60)));
    events = JacksonSerializer.builder().objectMapper(json.mapper()).build();
    general = JacksonSerializer.builder().objectMapper(application).build();
    engine =
        MongoEventStorageEngine.builder()
            .database(database)
            .eventSerializer(events)
            .snapshotSerializer(EventStoreAutoConfiguration.snapshotSerializer(general))
            .upcasterChain(
                EventStoreAutoConfiguration.upcasters(
                    new EventUpcasterChain(new ProposalAnsweredUpcaster()), events))
            .build();
    engine.ensureIndexes();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private Configuration axon(Object handler) {
    DefaultConfigurer configurer =
        (DefaultConfigurer)
            DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> general)
                .configureEventSerializer(c -> events)
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(Proposal.class);
    if (handler != null) {
      configurer.eventProcessing(
          p -> p.usingPooledStreamingEventProcessors().registerEventHandler(c -> handler));
    }
    Configuration configuration = configurer.buildConfiguration();
    configuration.start();
    return configuration;
  }

  @Test
  void theStoredDocumentIsRevisionOneWithTheReasoningAsText() {
    var stored = engine.storedDocumentAt(2).orElseThrow();
    assertThat(stored.getString("payloadRevision")).isEqualTo("1");
    assertThat(stored.get("payload", org.bson.Document.class).getString("reasoning"))
        .isEqualTo("Der Radweg wird im Juni gebaut.");
  }

  @Test
  void anAggregateLoadReadsRevisionOneAsTheAnswerInForce() {
    Configuration axon = axon(null);
    try {
      Instant later = Instant.parse("2026-05-10T09:00:00Z");
      // the same answer records nothing: the loaded state holds the upcast reasoning
      axon.commandGateway()
          .sendAndWait(
              new AnswerProposal(
                  ID, AnswerStatus.ACCEPTED, "Der Radweg wird im Juni gebaut.", later));
      assertThat(engine.storedDocumentAt(3)).isEmpty();
      assertThat(engine.readEvents(ID.value()).asStream().map(m -> m.getPayload()).toList())
          .last()
          .isEqualTo(
              new ProposalAnswered(
                  ID,
                  CONSULTATION,
                  AnswerStatus.ACCEPTED,
                  AnswerReasoning.inGerman("Der Radweg wird im Juni gebaut."),
                  Instant.parse("2026-05-07T09:00:00Z")));

      // the English text added is a new entry, stored as revision 2
      AnswerReasoning both =
          new AnswerReasoning(
              "Der Radweg wird im Juni gebaut.", "The cycle lane is built in June.");
      axon.commandGateway().sendAndWait(new AnswerProposal(ID, AnswerStatus.ACCEPTED, both, later));
      var stored = engine.readEvents(ID.value()).asStream().toList();
      assertThat(stored).hasSize(3);
      assertThat(((ProposalAnswered) stored.get(2).getPayload()).reasoning()).isEqualTo(both);
    } finally {
      axon.shutdown();
    }
  }

  /** Collects the answers a pooled streaming processor replays. */
  static final class Answers {
    final List<ProposalAnswered> seen = new CopyOnWriteArrayList<>();
    final CountDownLatch one = new CountDownLatch(1);

    @EventHandler
    void on(ProposalAnswered event) {
      seen.add(event);
      one.countDown();
    }
  }

  @Test
  void aProcessorReplayReadsRevisionOneAsRevisionTwo() throws Exception {
    Answers answers = new Answers();
    Configuration axon = axon(answers);
    try {
      assertThat(answers.one.await(60, TimeUnit.SECONDS)).isTrue();
      assertThat(answers.seen)
          .containsExactly(
              new ProposalAnswered(
                  ID,
                  CONSULTATION,
                  AnswerStatus.ACCEPTED,
                  new AnswerReasoning("Der Radweg wird im Juni gebaut.", null),
                  Instant.parse("2026-05-07T09:00:00Z")));
    } finally {
      axon.shutdown();
    }
  }
}
