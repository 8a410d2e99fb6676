package de.rathaus.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.rathaus.application.transparency.Checkpoint;
import de.rathaus.application.transparency.HistoryLog;
import de.rathaus.application.transparency.HistoryVerification;
import de.rathaus.application.transparency.LogKey;
import de.rathaus.domain.servicerequest.ApplicantContactRectified;
import de.rathaus.domain.servicerequest.ServiceRequestSubmitted;
import de.rathaus.infra.eventstore.MongoEventStorageEngine;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import de.rathaus.infra.transparency.HistoryExport;
import de.rathaus.infra.transparency.MongoHistoryLog;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Envelopes of the text format ({@code {"$pd": "v2.<kid>.<data>.<subject>"}}), exactly as the code
 * before binary envelopes stored them (fixture {@code fixtures/envelopes-v2}: the event store and
 * its key directory, written by {@link EnvelopeFixtures} with that code), read by this version
 * through the real engine: decrypted, erased after an erasure, next to events this version writes,
 * and sealed, verified and exported as any other history.
 */
class TextEnvelopeFixtureTest {

  private static final String FIXTURE = "/fixtures/envelopes-v2/";
  private static final String KEY =
      "aab637763e0f33eae1955b2938f13af3f10f6604cdc1eff8f146dbe7a88cc07c.key";

  @TempDir Path dataDir;
  private EmbeddedMongoServer server;
  private MongoClient client;
  private MongoDatabase database;
  private SubjectKeyStore keys;
  private MongoEventStorageEngine engine;

  @BeforeEach
  void storeAsTheTextFormatLeftIt() throws Exception {
    Path keyDir = Files.createDirectories(dataDir.resolve("keys"));
    try (var key = getClass().getResourceAsStream(FIXTURE + "keys/" + KEY)) {
      Files.copy(key, keyDir.resolve(KEY));
    }
    server = EmbeddedMongoServer.start(dataDir.resolve("db"));
    client = MongoClients.create(server.connectionString());
    database = client.getDatabase("rathaus");
    try (var store = getClass().getResourceAsStream(FIXTURE + "store.json")) {
      BsonDocument dump =
          BsonDocument.parse(new String(store.readAllBytes(), StandardCharsets.UTF_8));
      for (String collection : dump.keySet()) {
        for (BsonValue document : dump.getArray(collection)) {
          database.getCollection(collection, BsonDocument.class).insertOne(document.asDocument());
        }
      }
    }
    keys = new CachingSubjectKeyStore(FileSubjectKeyStore.in(keyDir), Duration.ofSeconds(60));
    ObjectMapper application = EnvelopeFixtures.application();
    engine =
        MongoEventStorageEngine.builder()
            .database(database)
            .eventSerializer(
                JacksonSerializer.builder()
                    .objectMapper(ProtectedJson.of(application, keys).mapper())
                    .build())
            .snapshotSerializer(JacksonSerializer.builder().objectMapper(application).build())
            .positionBlockSize(1)
            .build();
    engine.ensureIndexes();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private List<Object> payloads() {
    return engine
        .readEvents(EnvelopeFixtures.REQUEST)
        .asStream()
        .<Object>map(DomainEventMessage::getPayload)
        .toList();
  }

  @Test
  void theFixtureHoldsTextEnvelopes() {
    var payload = engine.storedDocumentAt(1).orElseThrow().get("payload", org.bson.Document.class);
    assertThat(payload.get("applicantName", org.bson.Document.class).getString("$pd"))
        .startsWith("v2.")
        .endsWith("." + EnvelopeFixtures.CITIZEN);
    assertThat(payload.get("attributes", org.bson.Document.class).keySet())
        .containsExactly("purpose", "copies", "previous_address");
    assertThat(engine.storedDocumentAt(1).orElseThrow().toJson()).doesNotContain("Anna");
  }

  @Test
  void textEnvelopesReadAsTheEventsTheyStored() {
    assertThat(payloads())
        .containsExactly(EnvelopeFixtures.submitted(), EnvelopeFixtures.rectified());
  }

  @Test
  void textEnvelopesOfAnErasedCitizenReadErased() {
    keys.destroy(EnvelopeFixtures.CITIZEN);

    List<Object> read = payloads();

    ServiceRequestSubmitted submitted = (ServiceRequestSubmitted) read.get(0);
    assertThat(submitted.applicantName()).isEqualTo(PersonalDataModule.ERASED);
    assertThat(submitted.applicantEmail()).isEqualTo(PersonalDataModule.ERASED);
    assertThat(submitted.applicantPhone()).isNull();
    assertThat(submitted.description()).isEqualTo(PersonalDataModule.ERASED);
    assertThat(submitted.privateLocation()).isNull();
    assertThat(submitted.attributes())
        .containsEntry("purpose", PersonalDataModule.ERASED)
        .containsEntry("previous_address", PersonalDataModule.ERASED)
        .containsKey("copies");
    assertThat(submitted.caseNumber()).isEqualTo(EnvelopeFixtures.submitted().caseNumber());
    ApplicantContactRectified rectified = (ApplicantContactRectified) read.get(1);
    assertThat(rectified.name()).isEqualTo(PersonalDataModule.ERASED);
    assertThat(rectified.address()).isEqualTo(PersonalDataModule.ERASED);
  }

  @Test
  void eventsThisVersionWritesReadNextToTextEnvelopes() {
    ApplicantContactRectified later =
        new ApplicantContactRectified(
            EnvelopeFixtures.submitted().id(),
            EnvelopeFixtures.submitted().applicant(),
            "Anna Muster",
            "anna@example.com",
            null,
            "Weg 3, 74072 Heilbronn",
            Instant.parse("2026-12-09T10:00:00Z"));

    engine.appendEvents(
        new GenericDomainEventMessage<>(
            "ServiceRequest",
            EnvelopeFixtures.REQUEST,
            2,
            later,
            MetaData.with("actorId", EnvelopeFixtures.CITIZEN)));

    assertThat(payloads())
        .containsExactly(EnvelopeFixtures.submitted(), EnvelopeFixtures.rectified(), later);
    List<String> stored = new java.util.ArrayList<>();
    database.getCollection("events").find().forEach(d -> stored.add(d.toJson()));
    assertThat(stored).hasSize(3).noneMatch(d -> d.contains("Anna") || d.contains("Weg 3"));
  }

  @Test
  void aHistoryOfTextEnvelopesAndNewOnesSealsVerifiesAndExports() throws Exception {
    eventsThisVersionWritesReadNextToTextEnvelopes();
    MongoHistoryLog log = new MongoHistoryLog(database, engine.reader());
    long size = log.seal().size();
    assertThat(size).isEqualTo(3);

    HistoryLog.Verification online = log.verify(size, log.root(size));
    LogKey key = LogKey.generate();
    Checkpoint checkpoint =
        Checkpoint.sign("rathaus.example/test", size, log.root(size), Instant.now(), key);
    StringWriter export = new StringWriter();
    HistoryExport.write(database, export);
    HistoryVerification.Result offline =
        HistoryVerification.verify(
            new BufferedReader(new StringReader(export.toString())),
            checkpoint,
            key.verifierKey("rathaus.example/test"));

    assertThat(online.valid()).isTrue();
    assertThat(offline.valid()).isTrue();
    assertThat(offline.checkedSize()).isEqualTo(size);
    assertThat(export.toString()).doesNotContain("Anna");
  }
}
