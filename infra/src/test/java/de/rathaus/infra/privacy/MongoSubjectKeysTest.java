package de.rathaus.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.rathaus.infra.Concurrently;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key store on MongoDB, against the embedded server. */
class MongoSubjectKeysTest {

  @TempDir Path dataDir;
  private EmbeddedMongoServer server;
  private MongoClient client;
  private MongoDatabase database;

  @BeforeEach
  void start() {
    server = EmbeddedMongoServer.start(dataDir);
    client = MongoClients.create(server.connectionString());
    database = client.getDatabase("rathaus");
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private MongoSubjectKeyStore store() {
    return new MongoSubjectKeyStore(
        database, server::commit, new SecureRandom(), Clock.systemUTC());
  }

  @Test
  void makesOneKeyPerSubjectAndDestroysIt() {
    MongoSubjectKeyStore store = store();
    assertThat(store.exists("citizen-1")).isFalse();

    SubjectKey key = store.currentKey("citizen-1");

    assertThat(store.currentKey("citizen-1")).isEqualTo(key);
    assertThat(store().find("citizen-1", key.kid())).contains(key);
    assertThat(store.find("citizen-1", "other")).isEmpty();
    assertThat(store.exists("citizen-1")).isTrue();
    assertThat(store.createdAt("citizen-1")).isPresent();
    Document stored = database.getCollection(MongoSubjectKeyStore.COLLECTION).find().first();
    assertThat(stored.getString("_id")).isEqualTo("citizen-1");
    assertThat(stored.getString("kid")).isEqualTo(key.kid());

    assertThat(store.destroy("citizen-1")).isTrue();

    assertThat(store.destroy("citizen-1")).isFalse();
    assertThat(store.exists("citizen-1")).isFalse();
    assertThat(store.createdAt("citizen-1")).isEmpty();
    assertThat(store.find("citizen-1", key.kid())).isEmpty();
    assertThat(database.getCollection(MongoSubjectKeyStore.COLLECTION).countDocuments()).isZero();
    assertThat(store.erased("citizen-1", key.kid())).isTrue();
    assertThat(store().erased("citizen-1", key.kid())).isTrue();
    assertThat(store.currentKey("citizen-1").kid()).isNotEqualTo(key.kid());
  }

  @Test
  void aKeyGoneWithoutATombstoneIsNotErasedAndAnOlderKeysErasureKeepsTheCurrentOne() {
    MongoSubjectKeyStore store = store();
    assertThat(store.isEmpty()).isTrue();
    SubjectKey key = store.currentKey("citizen-1");
    assertThat(store.keyId("citizen-1")).contains(key.kid());

    assertThat(store.destroy("citizen-1", "oldKeyId")).isFalse();
    assertThat(store.find("citizen-1", key.kid())).contains(key);
    assertThat(store.erased("citizen-1", "oldKeyId")).isTrue();
    assertThat(store.erased("citizen-1", key.kid())).isFalse();

    database.getCollection(MongoSubjectKeyStore.COLLECTION).deleteMany(new Document());
    assertThat(store.erased("citizen-1", key.kid())).isFalse();
    assertThat(store.isEmpty()).isFalse();

    store.destroy("citizen-2", null);
    assertThat(store.erased("citizen-2", "lostKeyId")).isTrue();
    assertThat(store.location()).contains(MongoSubjectKeyStore.COLLECTION);
  }

  @Test
  void instancesRacingForTheSameSubjectAllGetTheWinnersKey() throws Exception {
    List<MongoSubjectKeyStore> instances = List.of(store(), store(), store());
    for (int round = 0; round < 10; round++) {
      String subject = "citizen-race-" + round;
      List<Callable<SubjectKey>> writers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        MongoSubjectKeyStore store = instances.get(i % instances.size());
        writers.add(() -> store.currentKey(subject));
      }
      Set<String> kids = new HashSet<>();
      Concurrently.run(6, writers).forEach(key -> kids.add(key.kid()));
      assertThat(kids).hasSize(1);
    }
  }

  @Test
  void personalDataRoundTripsWithKeysInMongoDb() throws Exception {
    SubjectKeyStore keys = new CachingSubjectKeyStore(store(), java.time.Duration.ofSeconds(60));
    var json = ProtectedJson.of(new com.fasterxml.jackson.databind.ObjectMapper(), keys).mapper();
    var anonymous = new PersonalRecords.Anonymous("citizen-1", "Hinweis");

    String stored = json.writeValueAsString(anonymous);

    assertThat(stored).doesNotContain("Hinweis");
    assertThat(json.readValue(stored, PersonalRecords.Anonymous.class)).isEqualTo(anonymous);
    keys.destroy("citizen-1");
    assertThat(json.readValue(stored, PersonalRecords.Anonymous.class).text())
        .isEqualTo(PersonalDataModule.ERASED);
  }
}
