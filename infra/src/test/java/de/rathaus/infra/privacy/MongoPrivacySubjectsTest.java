package de.rathaus.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.rathaus.application.privacy.PrivacySubject;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read model of the citizens who hold personal data, on the embedded server. */
class MongoPrivacySubjectsTest {

  @TempDir Path dataDir;
  private EmbeddedMongoServer server;
  private MongoClient client;
  private MongoPrivacySubjects subjects;

  @BeforeEach
  void start() {
    server = EmbeddedMongoServer.start(dataDir);
    client = MongoClients.create(server.connectionString());
    subjects = new MongoPrivacySubjects(client.getDatabase("rathaus"));
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void keepsEachCitizenAndCountsThoseHoldingData() {
    Instant at = Instant.parse("2026-03-02T09:00:00Z");
    subjects.save(PrivacySubject.holdingData("anna", 3));
    subjects.save(PrivacySubject.holdingData("ben", 4).erased(at, 9));
    subjects.save(PrivacySubject.holdingData("carl", 5));

    assertThat(subjects.find("anna")).contains(PrivacySubject.holdingData("anna", 3));
    assertThat(subjects.find("ben")).contains(new PrivacySubject("ben", false, 1, at, 9));
    assertThat(subjects.find("dora")).isEmpty();
    assertThat(subjects.countHoldingData()).isEqualTo(2);

    subjects.save(PrivacySubject.holdingData("anna", 3).erased(at, 10));
    assertThat(subjects.countHoldingData()).isEqualTo(1);
    subjects.clear();
    assertThat(subjects.countHoldingData()).isZero();
  }
}
