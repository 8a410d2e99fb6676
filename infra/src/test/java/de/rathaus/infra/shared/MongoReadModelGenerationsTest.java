package de.rathaus.infra.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.rathaus.application.audit.ReadModelGenerations.Building;
import de.rathaus.application.privacy.PrivacySubject;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import de.rathaus.infra.privacy.MongoPrivacySubjects;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry of read-model generations on the embedded server: an adapter bound through it
 * answers from the generation in use and follows a switch at once, a rebuild writes into its own
 * generation only, and what a restart finds (a rebuild under way, a switch cut short) is kept.
 */
class MongoReadModelGenerationsTest {

  private static final String NAME = "privacy-subjects";
  private static final Instant T = Instant.parse("2026-12-02T09:00:00Z");

  @TempDir static Path dataDir;
  private static EmbeddedMongoServer server;
  private static MongoClient client;
  private MongoDatabase database;
  private MongoReadModelGenerations generations;

  @BeforeAll
  static void start() {
    server = EmbeddedMongoServer.start(dataDir);
    client = MongoClients.create(server.connectionString());
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @BeforeEach
  void fresh() {
    database = client.getDatabase("generations-" + System.nanoTime());
    generations = new MongoReadModelGenerations(database);
  }

  private static Building building(int generation, long index, long done) {
    return new Building(generation, 1, T, index, List.of(), done, done);
  }

  private List<String> collections() {
    return database.listCollectionNames().into(new ArrayList<>());
  }

  @Test
  void aLiveAdapterAnswersFromTheGenerationInUseAndFollowsASwitchAtOnce() {
    MongoPrivacySubjects live = new MongoPrivacySubjects(generations.live(database, NAME));
    generations.inUse(NAME, 1);
    live.save(PrivacySubject.holdingData("old", 1));
    MongoPrivacySubjects rebuilt =
        new MongoPrivacySubjects(generations.generation(database, NAME, 2));
    generations.begin(NAME, building(2, -1, 0));
    rebuilt.save(PrivacySubject.holdingData("new", 2));

    assertThat(live.find("new")).as("a rebuild is not seen before its switch").isEmpty();
    assertThat(collections()).contains("privacy_subjects", "privacy_subjects~2");

    generations.switchIn(NAME, building(2, 2, 1));

    assertThat(live.find("new")).isPresent();
    assertThat(live.find("old")).isEmpty();
    assertThat(collections()).doesNotContain("privacy_subjects").contains("privacy_subjects~2");
    assertThat(new MongoReadModelGenerations(database).inUse(NAME, 1).generation())
        .as("after a restart")
        .isEqualTo(2);
  }

  @Test
  void aRebuildUnderWayIsFoundWithItsPlaceAfterARestartAndAbandoningItDropsItsGeneration() {
    new MongoPrivacySubjects(generations.live(database, NAME));
    generations.inUse(NAME, 1);
    MongoPrivacySubjects rebuilt =
        new MongoPrivacySubjects(generations.generation(database, NAME, 2));
    generations.begin(NAME, building(2, -1, 0));
    rebuilt.save(PrivacySubject.holdingData("half", 2));
    generations.record(NAME, new Building(2, 1, T, 41, List.of(38L, 40L), 39, 100));

    MongoReadModelGenerations restarted = new MongoReadModelGenerations(database);
    assertThat(restarted.inUse(NAME, 1).generation()).isEqualTo(1);
    assertThat(restarted.building(NAME))
        .contains(new Building(2, 1, T, 41, List.of(38L, 40L), 39, 100));

    restarted.abandon(NAME);
    assertThat(restarted.building(NAME)).isEmpty();
    assertThat(collections()).doesNotContain("privacy_subjects~2");
  }

  @Test
  void aNewRebuildStartsOnEmptyCollections() {
    new MongoPrivacySubjects(generations.live(database, NAME));
    generations.inUse(NAME, 1);
    new MongoPrivacySubjects(generations.generation(database, NAME, 2))
        .save(PrivacySubject.holdingData("left-over", 2));

    generations.begin(NAME, building(2, -1, 0));

    assertThat(
            new MongoPrivacySubjects(generations.generation(database, NAME, 2)).find("left-over"))
        .isEmpty();
  }

  @Test
  void aSwitchCutShortBeforeTheOldGenerationWasDroppedIsFinishedAtTheNextStart() {
    MongoPrivacySubjects live = new MongoPrivacySubjects(generations.live(database, NAME));
    generations.inUse(NAME, 1);
    live.save(PrivacySubject.holdingData("old", 1));
    database
        .getCollection(MongoReadModelGenerations.COLLECTION)
        .updateOne(
            new Document("_id", NAME),
            new Document("$set", new Document("generation", 2).append("retired", List.of(1))));

    new MongoReadModelGenerations(database).inUse(NAME, 1);

    assertThat(collections()).doesNotContain("privacy_subjects");
  }
}
