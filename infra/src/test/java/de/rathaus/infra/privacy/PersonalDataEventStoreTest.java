package de.rathaus.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.infra.eventstore.MongoEventStorageEngine;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import de.rathaus.infra.privacy.PersonalRecords.Location;
import de.rathaus.infra.privacy.PersonalRecords.Question;
import de.rathaus.infra.privacy.PersonalRecords.Submitted;
import de.rathaus.infra.shared.JsonViews;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Personal data through the event storage engine and a read model on the embedded server. */
class PersonalDataEventStoreTest {

  @TempDir Path dataDir;
  private EmbeddedMongoServer server;
  private MongoClient client;
  private MongoDatabase database;
  private SubjectKeyStore keys;
  private ObjectMapper json;
  private MongoEventStorageEngine engine;

  @BeforeEach
  void start() {
    server = EmbeddedMongoServer.start(dataDir);
    client = MongoClients.create(server.connectionString());
    database = client.getDatabase("rathaus");
    keys =
        new CachingSubjectKeyStore(
            FileSubjectKeyStore.in(dataDir.resolve("keys")), Duration.ofSeconds(60));
    ObjectMapper application =
        JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    json = ProtectedJson.of(application, keys).mapper();
    JacksonSerializer events = JacksonSerializer.builder().objectMapper(json).build();
    JacksonSerializer snapshots = JacksonSerializer.builder().objectMapper(application).build();
    engine =
        MongoEventStorageEngine.builder()
            .database(database)
            .eventSerializer(events)
            .snapshotSerializer(snapshots)
            .build();
    engine.ensureIndexes();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static Submitted submitted() {
    return new Submitted(
        "req-1",
        "Anna Beispiel",
        "anna@example.org",
        Map.of("purpose", "Arbeitgeber Firma Beispiel"),
        new Location(49.14, 9.22, "Marktplatz 7, Heilbronn"),
        List.of(new Question("q1", "Seit wann wohnen Sie dort?")),
        1,
        new CitizenId("citizen-anna"));
  }

  private static void assertNoPlaintext(String stored) {
    assertThat(stored)
        .doesNotContain("Anna Beispiel")
        .doesNotContain("anna@example.org")
        .doesNotContain("Firma Beispiel")
        .doesNotContain("Marktplatz")
        .doesNotContain("Seit wann");
  }

  @Test
  void theStoredPayloadHoldsNoPlaintextWhileTheReadEventIsDecrypted() {
    DomainEventMessage<?> event =
        new GenericDomainEventMessage<>(
            "ServiceRequest", "req-1", 0, submitted(), MetaData.with("actorId", "citizen-anna"));

    engine.appendEvents(event);

    Document stored = engine.storedDocumentAt(1).orElseThrow();
    Document payload = stored.get("payload", Document.class);
    assertNoPlaintext(stored.toJson());
    assertThat(payload.getString("requestId")).isEqualTo("req-1");
    FieldCipher.Sealed name = FieldCipher.Sealed.of(payload.get("name", Binary.class).getData());
    assertThat(name.format()).isEqualTo("v3s");
    assertThat(name.subject()).isEqualTo("citizen-anna");
    assertThat(payload.get("attributes", Document.class).keySet()).containsExactly("purpose");
    assertThat(engine.readEvents("req-1").asStream().<Object>map(DomainEventMessage::getPayload))
        .containsExactly(submitted());

    keys.destroy("citizen-anna");

    Submitted erased = (Submitted) engine.readEvents("req-1").next().getPayload();
    assertThat(erased.name()).isEqualTo(PersonalDataModule.ERASED);
    assertThat(erased.attributes()).containsEntry("purpose", PersonalDataModule.ERASED);
    assertThat(erased.location().address()).isEqualTo(PersonalDataModule.ERASED);
    assertThat(erased.requestId()).isEqualTo("req-1");
    assertThat(engine.storedDocumentAt(1).orElseThrow().toJson()).isEqualTo(stored.toJson());
  }

  @Test
  void aReadModelStoresPersonalDataEncrypted() {
    JsonViews<Submitted> views = new JsonViews<>(database, "submissions", json, Submitted.class);

    views.save("req-1", submitted());

    assertNoPlaintext(database.getCollection("submissions").find().first().toJson());
    assertThat(views.find("req-1")).contains(submitted());
    views.save("req-1", submitted()); // a replacement with envelopes is accepted too
    keys.destroy("citizen-anna");
    assertThat(views.find("req-1").orElseThrow().email()).isEqualTo(PersonalDataModule.ERASED);
  }
}
