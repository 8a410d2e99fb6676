package de.rathaus.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.rathaus.application.privacy.PrivacySubject;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import de.rathaus.infra.mongo.RathausMongo;
import de.rathaus.infra.mongo.RathausStorageProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks the engine makes before it opens its key store (the key store's bean, as Spring makes
 * it at start): a database of the old envelope format, a key store that cannot be read, is another
 * engine's, or is empty while citizens hold personal data refuse the start.
 */
class PrivacyStartChecksTest {

  @TempDir Path dataDir;
  @TempDir Path otherDataDir;
  private EmbeddedMongoServer server;
  private MongoClient client;
  private RathausMongo mongo;
  private MongoDatabase database;
  private MongoPrivacySubjects subjects;

  @BeforeEach
  void start() {
    server = EmbeddedMongoServer.start(dataDir);
    client = MongoClients.create(server.connectionString());
    mongo = new RathausMongo(client, "rathaus", server);
    database = mongo.database();
    subjects = new MongoPrivacySubjects(database);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private Path keyDir() {
    return dataDir.resolve("keys");
  }

  /** What Spring does at start: the key store's bean, with the file store in {@code keyDir}. */
  private SubjectKeyStore open(Path keyDir) {
    return new PersonalDataAutoConfiguration()
        .subjectKeyStore(
            new PrivacyProperties(PrivacyProperties.Kind.FILE, keyDir, Duration.ofSeconds(60)),
            new RathausStorageProperties(dataDir, null, null, null),
            mongo,
            subjects);
  }

  private SubjectKeyStore openMongo() {
    return new PersonalDataAutoConfiguration()
        .subjectKeyStore(
            new PrivacyProperties(PrivacyProperties.Kind.MONGO, null, Duration.ofSeconds(60)),
            new RathausStorageProperties(dataDir, null, null, null),
            mongo,
            subjects);
  }

  /** Anna's personal data was written: she has a key, and the read model knows her. */
  private void annaHoldsData(SubjectKeyStore keys) {
    keys.currentKey("anna");
    subjects.save(PrivacySubject.holdingData("anna", 1));
    database.getCollection(StoreMarker.EVENTS).insertOne(new Document("_id", "anna-request/0"));
  }

  private static void emptyDirectory(Path directory) throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
  }

  @Test
  void theFirstStartMarksTheDatabaseAndTheKeyDirectoryAsOneKeyStore() throws Exception {
    open(keyDir());

    Document marker =
        database.getCollection(StoreMarker.COLLECTION).find(Filters.eq("_id", "format")).first();
    assertThat(marker.getString("envelopes")).isEqualTo("v3");
    assertThat(Files.readString(keyDir().resolve(KeyStoreChecks.ID_FILE)).strip())
        .isEqualTo(marker.getString("keyStore"));
    annaHoldsData(open(keyDir()));
    assertThatCode(() -> open(keyDir())).as("a later start").doesNotThrowAnyException();
  }

  @Test
  void refusesToStartWithAnEmptyKeyDirectoryWhileCitizensHoldData() throws Exception {
    annaHoldsData(open(keyDir()));
    Path keyFile = ((FileSubjectKeyStore) FileSubjectKeyStore.in(keyDir())).fileOf("anna");
    byte[] key = Files.readAllBytes(keyFile);
    emptyDirectory(keyDir()); // an empty mount point

    assertThatThrownBy(() -> open(keyDir()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("The key directory " + keyDir().toAbsolutePath())
        .hasMessageContaining("holds no keys, while 1 citizens hold personal data")
        .hasMessageNotContaining("anna");
    assertThat(keyFile).doesNotExist();

    Files.write(keyFile, key); // restored
    assertThat(open(keyDir()).find("anna", FileSubjectKeyStore.in(keyDir()).keyId("anna").get()))
        .isPresent();
  }

  @Test
  void refusesToStartWithoutTheKeyDirectoryWhileCitizensHoldDataAndDoesNotMakeIt()
      throws Exception {
    annaHoldsData(open(keyDir()));
    Path moved = Files.move(keyDir(), dataDir.resolve("keys-unmounted"));

    assertThatThrownBy(() -> open(keyDir()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("The key directory " + keyDir().toAbsolutePath() + " does not exist");
    assertThat(keyDir()).doesNotExist();

    Files.move(moved, keyDir());
    assertThatCode(() -> open(keyDir())).doesNotThrowAnyException();
  }

  @Test
  void refusesToStartWithAKeyStoreThatCannotBeRead() throws Exception {
    open(keyDir());
    emptyDirectory(keyDir());
    Files.delete(keyDir());
    Files.writeString(keyDir(), "not a directory");

    assertThatThrownBy(() -> open(keyDir()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("The key directory " + keyDir().toAbsolutePath() + " cannot be read");
  }

  @Test
  void refusesToStartWithTheKeyDirectoryOfAnotherEngine() throws Exception {
    annaHoldsData(open(keyDir()));
    Path others = otherDataDir.resolve("keys");
    try (EmbeddedMongoServer otherServer = EmbeddedMongoServer.start(otherDataDir);
        MongoClient otherClient = MongoClients.create(otherServer.connectionString())) {
      RathausMongo other = new RathausMongo(otherClient, "rathaus", otherServer);
      new PersonalDataAutoConfiguration()
          .subjectKeyStore(
              new PrivacyProperties(PrivacyProperties.Kind.FILE, others, Duration.ofSeconds(60)),
              new RathausStorageProperties(otherDataDir, null, null, null),
              other,
              new MongoPrivacySubjects(other.database()))
          .currentKey("anna"); // the other engine's anna
    }

    assertThatThrownBy(() -> open(others))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("The key directory " + others.toAbsolutePath())
        .hasMessageContaining("belongs to another engine");
  }

  @Test
  void aDatabaseOfTextEnvelopesIsMarkedAsHoldingBinaryOnesTooAtItsFirstStart() throws Exception {
    // what the version before binary envelopes left: its marker, events and a key directory
    annaHoldsData(open(keyDir()));
    database
        .getCollection(StoreMarker.COLLECTION)
        .updateOne(Filters.eq("_id", "format"), Updates.set("envelopes", "v2"));
    database.getCollection(StoreMarker.EVENTS).insertOne(new Document("_id", "request-1/0"));

    assertThatCode(() -> open(keyDir())).doesNotThrowAnyException();

    Document marker =
        database.getCollection(StoreMarker.COLLECTION).find(Filters.eq("_id", "format")).first();
    assertThat(marker.getString("envelopes")).isEqualTo("v3");
    assertThatCode(() -> open(keyDir())).as("a later start").doesNotThrowAnyException();
  }

  @Test
  void refusesToStartOnADatabaseOfAnUnknownEnvelopeFormat() {
    annaHoldsData(open(keyDir()));
    database
        .getCollection(StoreMarker.COLLECTION)
        .updateOne(Filters.eq("_id", "format"), Updates.set("envelopes", "v9"));

    assertThatThrownBy(() -> open(keyDir()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("format v9");
  }

  @Test
  void refusesToStartOnADatabaseOfTheUnboundEnvelopeFormat() {
    // what an earlier version left: events, and no marker
    database.getCollection(StoreMarker.EVENTS).insertOne(new Document("_id", "request-1/0"));

    assertThatThrownBy(() -> open(keyDir()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("written by an earlier version")
        .hasMessageContaining("format v1");
  }

  @Test
  void refusesToStartWithAnEmptyKeyCollectionWhileCitizensHoldData() {
    annaHoldsData(openMongo());
    database.getCollection(MongoSubjectKeyStore.COLLECTION).deleteMany(new Document());

    assertThatThrownBy(this::openMongo)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("The MongoDB collection subject_keys holds no keys");
  }

  @Test
  void startsWithAnEmptyKeyDirectoryWhenNoCitizenHoldsData() throws Exception {
    SubjectKeyStore keys = open(keyDir());
    annaHoldsData(keys);
    keys.destroy("anna");
    subjects.save(subjects.find("anna").orElseThrow().erased(java.time.Instant.now(), 2));
    emptyDirectory(keyDir());

    assertThatCode(() -> open(keyDir())).doesNotThrowAnyException();
  }
}
