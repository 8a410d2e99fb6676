package de.rathaus.infra.participation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.rathaus.domain.participation.AnswerProposal;
import de.rathaus.domain.participation.AnswerStatus;
import de.rathaus.domain.participation.ConsultationFormat;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ConsultationPhase;
import de.rathaus.domain.participation.Proposal;
import de.rathaus.domain.participation.ProposalContent;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.SubmitProposal;
import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.infra.eventstore.EventStoreAutoConfiguration;
import de.rathaus.infra.eventstore.MongoEventStorageEngine;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import de.rathaus.infra.privacy.CachingSubjectKeyStore;
import de.rathaus.infra.privacy.FileSubjectKeyStore;
import de.rathaus.infra.privacy.ProtectedJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrote the fixture of {@code ProposalAnswered} revision 1 with the code of that revision (run
 * once, {@code -Dfixture.out=DIR}): a proposal submitted and answered through the real aggregate,
 * the real engine and the real event serializer (personal data encrypted under a test key), every
 * stored collection dumped as canonical extended JSON, and the key directory copied beside it.
 */
@EnabledIfSystemProperty(named = "fixture.out", matches = ".+")
class ProposalAnsweredRevision1FixtureWriter {

  @TempDir Path dataDir;

  @Test
  void write() throws Exception {
    Path out = Path.of(System.getProperty("fixture.out"));
    Path keyDir = dataDir.resolve("keys");
    try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir.resolve("db"));
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoDatabase database = client.getDatabase("rathaus");
      ObjectMapper application =
          JsonMapper.builder()
              .findAndAddModules()
              .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
              .build();
      ProtectedJson json =
          ProtectedJson.of(
              application,
              new CachingSubjectKeyStore(FileSubjectKeyStore.in(keyDir), Duration.ofSeconds(60)));
      Serializer events = JacksonSerializer.builder().objectMapper(json.mapper()).build();
      Serializer general = JacksonSerializer.builder().objectMapper(application).build();
      MongoEventStorageEngine engine =
          MongoEventStorageEngine.builder()
              .database(database)
              .eventSerializer(events)
              .snapshotSerializer(EventStoreAutoConfiguration.snapshotSerializer(general))
              .build();
      engine.ensureIndexes();
      Configuration axon =
          DefaultConfigurer.defaultConfiguration()
              .configureSerializer(c -> general)
              .configureEventSerializer(c -> events)
              .configureEmbeddedEventStore(c -> engine)
              .configureAggregate(Proposal.class)
              .buildConfiguration();
      axon.start();
      try {
        ProposalId id = new ProposalId("proposal-9a4f3c2e-0000-4000-8000-00000000a001");
        Instant at = Instant.parse("2026-05-04T09:00:00Z");
        axon.commandGateway()
            .sendAndWait(
                new SubmitProposal(
                    id,
                    new ConsultationId("consultation-5b1d7e90-0000-4000-8000-00000000c001"),
                    ConsultationFormat.IDEAS,
                    ConsultationPhase.OPEN,
                    new CitizenId("citizen-fixture"),
                    new ProposalContent(
                        "Radlerin",
                        "Radweg an der Allee",
                        "Ein geschützter Radweg an der Allee.",
                        new Location(49.1427, 9.2109, "Allee 1")),
                    at));
        axon.commandGateway()
            .sendAndWait(
                new AnswerProposal(
                    id,
                    AnswerStatus.ACCEPTED,
                    "Der Radweg wird im Juni gebaut.",
                    at.plus(Duration.ofDays(3))));
      } finally {
        axon.shutdown();
      }
      Files.createDirectories(out.resolve("keys"));
      BsonDocument dump = new BsonDocument();
      for (String name : database.listCollectionNames()) {
        BsonArray documents = new BsonArray();
        database.getCollection(name, BsonDocument.class).find().forEach(documents::add);
        dump.append(name, documents);
      }
      Files.writeString(
          out.resolve("store.json"),
          dump.toJson(
                  JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).indent(true).build())
              + "\n");
      try (Stream<Path> keys = Files.list(keyDir)) {
        for (Path key : keys.toList()) {
          Files.copy(key, out.resolve("keys").resolve(key.getFileName()));
        }
      }
    }
  }
}
