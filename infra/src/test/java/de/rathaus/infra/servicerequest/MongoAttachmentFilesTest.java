package de.rathaus.infra.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.rathaus.application.privacy.PersonalDataUnreadable;
import de.rathaus.application.servicerequest.AttachmentFiles;
import de.rathaus.domain.servicerequest.AttachmentId;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import de.rathaus.infra.privacy.MongoSubjectKeyStore;
import de.rathaus.infra.privacy.SubjectKeyStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Random;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents' bytes, encrypted in chunks under the applicant's key, against the embedded server. */
class MongoAttachmentFilesTest {

  private static final CitizenId ANNA = new CitizenId("anna");
  private static final CitizenId BEN = new CitizenId("ben");

  @TempDir Path dataDir;
  private EmbeddedMongoServer server;
  private MongoClient client;
  private MongoDatabase database;
  private SubjectKeyStore keys;
  private MongoAttachmentFiles files;

  @BeforeEach
  void start() {
    server = EmbeddedMongoServer.start(dataDir);
    client = MongoClients.create(server.connectionString());
    database = client.getDatabase("rathaus");
    keys =
        new MongoSubjectKeyStore(database, server::commit, new SecureRandom(), Clock.systemUTC());
    files =
        new MongoAttachmentFiles(
            database, keys, server::commit, new SecureRandom(), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static byte[] bytes(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private AttachmentFiles.Stored store(AttachmentId id, CitizenId who, byte[] content)
      throws Exception {
    return files.store(id, who, new ByteArrayInputStream(content), 10_000_000);
  }

  @Test
  void storesInChunksAndReadsBackTheSameBytes() throws Exception {
    byte[] content = bytes(MongoAttachmentFiles.CHUNK_BYTES * 2 + 17);
    AttachmentId id = AttachmentId.random();

    AttachmentFiles.Stored stored = store(id, ANNA, content);

    assertThat(stored.size()).isEqualTo(content.length);
    assertThat(stored.sha256()).isEqualTo(sha256(content));
    assertThat(database.getCollection(MongoAttachmentFiles.CHUNKS).countDocuments()).isEqualTo(3);
    try (InputStream in = files.open(id, ANNA)) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
  }

  @Test
  void aFileOfExactlyOneChunkReadsBack() throws Exception {
    byte[] content = bytes(MongoAttachmentFiles.CHUNK_BYTES);
    AttachmentId id = AttachmentId.random();
    store(id, ANNA, content);
    try (InputStream in = files.open(id, ANNA)) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
  }

  @Test
  void storesNoPlainText() throws Exception {
    byte[] content = "Kanari im Dokument 4711".repeat(100).getBytes(StandardCharsets.UTF_8);
    AttachmentId id = AttachmentId.random();
    store(id, ANNA, content);
    for (Document chunk : database.getCollection(MongoAttachmentFiles.CHUNKS).find()) {
      String stored =
          new String(chunk.get("data", Binary.class).getData(), StandardCharsets.ISO_8859_1);
      assertThat(stored).doesNotContain("Kanari");
    }
  }

  @Test
  void refusesMoreThanTheLimitAndKeepsNothing() {
    AttachmentId id = AttachmentId.random();
    byte[] content = bytes(MongoAttachmentFiles.CHUNK_BYTES + 10);
    assertThatThrownBy(
            () ->
                files.store(
                    id, ANNA, new ByteArrayInputStream(content), MongoAttachmentFiles.CHUNK_BYTES))
        .isInstanceOf(AttachmentFiles.TooLarge.class);
    assertThat(database.getCollection(MongoAttachmentFiles.CHUNKS).countDocuments()).isZero();
    assertThat(database.getCollection(MongoAttachmentFiles.FILES).countDocuments()).isZero();
  }

  @Test
  void anotherApplicantFindsNothing() throws Exception {
    AttachmentId id = AttachmentId.random();
    store(id, ANNA, bytes(100));
    assertThatThrownBy(() -> files.open(id, BEN)).isInstanceOf(AttachmentFiles.NotStored.class);
  }

  @Test
  void afterErasureTheFileIsErasedNotMissing() throws Exception {
    AttachmentId id = AttachmentId.random();
    store(id, ANNA, bytes(100));
    assertThat(files.erased(id, ANNA)).isFalse();

    keys.destroy(ANNA.value());

    assertThat(files.erased(id, ANNA)).isTrue();
    assertThatThrownBy(() -> files.open(id, ANNA)).isInstanceOf(AttachmentFiles.Erased.class);
    // a new key for the same citizen reads nothing of before
    keys.currentKey(ANNA.value());
    assertThatThrownBy(() -> files.open(id, ANNA)).isInstanceOf(AttachmentFiles.Erased.class);
  }

  @Test
  void aChunkMovedToAnotherPlaceDoesNotDecrypt() throws Exception {
    AttachmentId id = AttachmentId.random();
    store(id, ANNA, bytes(MongoAttachmentFiles.CHUNK_BYTES * 2 + 1));
    var chunks = database.getCollection(MongoAttachmentFiles.CHUNKS);
    Binary first =
        chunks.find(Filters.eq("_id", id.value() + "/000000")).first().get("data", Binary.class);
    chunks.updateOne(Filters.eq("_id", id.value() + "/000001"), Updates.set("data", first));
    assertThatThrownBy(() -> files.open(id, ANNA).readAllBytes())
        .isInstanceOf(PersonalDataUnreadable.class);
  }

  @Test
  void aFileCutShortDoesNotRead() throws Exception {
    AttachmentId id = AttachmentId.random();
    store(id, ANNA, bytes(MongoAttachmentFiles.CHUNK_BYTES * 2 + 1));
    database
        .getCollection(MongoAttachmentFiles.FILES)
        .updateOne(Filters.eq("_id", id.value()), Updates.set("chunks", 2));
    assertThatThrownBy(() -> files.open(id, ANNA).readAllBytes())
        .isInstanceOf(PersonalDataUnreadable.class);
  }

  @Test
  void deleteRemovesTheFileAndItsChunks() throws Exception {
    AttachmentId id = AttachmentId.random();
    store(id, ANNA, bytes(MongoAttachmentFiles.CHUNK_BYTES + 1));
    files.delete(id);
    assertThat(database.getCollection(MongoAttachmentFiles.CHUNKS).countDocuments()).isZero();
    assertThatThrownBy(() -> files.open(id, ANNA)).isInstanceOf(AttachmentFiles.NotStored.class);
  }
}
