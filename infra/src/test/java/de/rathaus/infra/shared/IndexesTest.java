package de.rathaus.infra.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import de.rathaus.infra.eventstore.MongoTokenStore;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import de.rathaus.infra.privacy.MongoPrivacySubjects;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indexes a real MongoDB needs for the queries on other fields than {@code _id} of the
 * idempotency records, the privacy subjects and the tokens, as the adapters issue them at start.
 * (The read models of requests and cases: {@code MongoCaseViewsTest}.)
 */
class IndexesTest {

  @TempDir Path dataDir;

  @Test
  void theAdaptersDeclareTheIndexesOfTheirQueries() {
    List<String> issued = new ArrayList<>();
    try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoDatabase recording = recording(client.getDatabase("indexes"), issued);
      new MongoIdempotencyRecords(recording);
      new MongoPrivacySubjects(recording);
      new MongoTokenStore(
          recording,
          "tokens",
          JacksonSerializer.defaultSerializer(),
          Duration.ofSeconds(10),
          "node",
          Clock.systemUTC());
    }

    assertThat(issued)
        .containsExactly(
            "idempotency_keys expiry {\"createdAt\": 1}",
            "privacy_subjects holding_data {\"holdsData\": 1}",
            "tokens by_processor {\"processorName\": 1}");
  }

  /** A database whose collections note the indexes they are asked to create. */
  @SuppressWarnings("unchecked")
  private static MongoDatabase recording(MongoDatabase real, List<String> issued) {
    return (MongoDatabase)
        Proxy.newProxyInstance(
            MongoDatabase.class.getClassLoader(),
            new Class<?>[] {MongoDatabase.class},
            (proxy, method, args) -> {
              Object result = method.invoke(real, args);
              if (!method.getName().equals("getCollection")) {
                return result;
              }
              MongoCollection<?> collection = (MongoCollection<?>) result;
              String name = (String) args[0];
              return Proxy.newProxyInstance(
                  MongoCollection.class.getClassLoader(),
                  new Class<?>[] {MongoCollection.class},
                  (p, m, a) -> {
                    if (m.getName().equals("createIndex")) {
                      issued.add(
                          name
                              + " "
                              + ((IndexOptions) a[1]).getName()
                              + " "
                              + json(real, (Bson) a[0]));
                    } else if (m.getName().equals("createIndexes")) {
                      for (IndexModel model : (List<IndexModel>) a[0]) {
                        issued.add(
                            name
                                + " "
                                + model.getOptions().getName()
                                + " "
                                + json(real, model.getKeys()));
                      }
                    }
                    return m.invoke(collection, a);
                  });
            });
  }

  private static String json(MongoDatabase database, Bson keys) {
    BsonDocument document = keys.toBsonDocument(BsonDocument.class, database.getCodecRegistry());
    return document.toJson();
  }
}
