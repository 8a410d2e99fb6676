package de.rathaus.infra.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;

public class ScratchTiming {
  public static void main(String[] args) throws Exception {
    try (EmbeddedStoreFixture f = new EmbeddedStoreFixture(Files.createTempDirectory("scratch"))) {
      MongoEventStorageEngine engine = f.build();
      for (int a = 0; a < 500; a++) {
        List<org.axonframework.eventhandling.EventMessage<?>> batch = new ArrayList<>();
        for (int s = 0; s < 20; s++)
          batch.add(
              new GenericDomainEventMessage<>(
                  "Case",
                  "agg-" + a,
                  s,
                  new TestEvents.Noted("x", s, List.of("a")),
                  MetaData.with("a", "b")));
        engine.appendEvents(batch);
      }
      MongoCollection<BsonDocument> events = f.database.getCollection("events", BsonDocument.class);
      MongoCollection<Document> counters = f.database.getCollection("eventstore_counters");
      for (int rep = 0; rep < 3; rep++) {
        int n = 500;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) counters.find(new Document("_id", "globalIndex")).first();
        System.out.printf("counter find: %.3f ms%n", (System.nanoTime() - t0) / 1e6 / n);
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++)
          counters.findOneAndUpdate(
              new Document("_id", "x"),
              new Document("$inc", new Document("v", 1)),
              new com.mongodb.client.model.FindOneAndUpdateOptions().upsert(true));
        System.out.printf("counter inc: %.3f ms%n", (System.nanoTime() - t0) / 1e6 / n);
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) f.server.commit();
        System.out.printf(
            "commit (nothing changed): %.3f ms%n", (System.nanoTime() - t0) / 1e6 / n);
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          counters.findOneAndUpdate(
              new Document("_id", "x"), new Document("$inc", new Document("v", 1)));
          f.server.commit();
        }
        System.out.printf("inc + commit: %.3f ms%n", (System.nanoTime() - t0) / 1e6 / n);
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++)
          events.find(Filters.eq("_id", EventDocuments.documentId("agg-" + (i % 500), 3))).first();
        System.out.printf("event by _id: %.3f ms%n", (System.nanoTime() - t0) / 1e6 / n);
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          List<BsonValue> ids = new ArrayList<>();
          for (int s = 0; s < 32; s++)
            ids.add(new BsonString(EventDocuments.documentId("agg-" + (i % 500), s)));
          int c = 0;
          for (BsonDocument d : events.find(Filters.in("_id", ids))) c++;
        }
        System.out.printf("$in 32 _ids: %.3f ms%n", (System.nanoTime() - t0) / 1e6 / n);
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          List<Long> ids = new ArrayList<>();
          for (long s = 0; s < 100; s++) ids.add(1 + (i * 17L % 9000) + s);
          int c = 0;
          for (BsonDocument d : events.find(Filters.in("globalIndex", ids))) c++;
        }
        System.out.printf("$in 100 globalIndex: %.3f ms%n", (System.nanoTime() - t0) / 1e6 / n);
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++)
          engine.readEvents("agg-" + (i % 500)).asStream().forEach(e -> e.getPayload());
        System.out.printf("engine load 20: %.3f ms%n", (System.nanoTime() - t0) / 1e6 / n);
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) engine.readSnapshot("agg-" + (i % 500));
        System.out.printf("snapshot miss: %.3f ms%n", (System.nanoTime() - t0) / 1e6 / n);
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++)
          engine.appendEvents(
              new GenericDomainEventMessage<>(
                  "Case",
                  "new-" + rep + "-" + i,
                  0,
                  new TestEvents.Noted("x", 0, List.of("a")),
                  MetaData.with("a", "b")));
        System.out.printf("engine append 1: %.3f ms%n", (System.nanoTime() - t0) / 1e6 / n);
      }
    }
    System.exit(0);
  }
}
