package de.rathaus.infra.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.rathaus.domain.servicerequest.ApplicantContactRectified;
import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.servicerequest.RequestKind;
import de.rathaus.domain.servicerequest.ServiceRequestSubmitted;
import de.rathaus.domain.shared.CaseNumber;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceCode;
import de.rathaus.domain.shared.ServiceRequestId;
import de.rathaus.infra.eventstore.MongoEventStorageEngine;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * The events of the envelope fixtures and, run as a program, the writer of a fixture: the store
 * (every collection, as extended JSON) and the key directory that this version's code writes for
 * {@link #submitted()} and {@link #rectified()}. {@code fixtures/envelopes-v2} was written so by
 * the code that stored envelopes as text ({@code {"$pd": "v2.<kid>.<data>.<subject>"}}), before
 * envelopes became binary; it is not written again.
 *
 * <p>{@code java -cp <test class path> de.rathaus.infra.privacy.EnvelopeFixtures <directory>}
 */
final class EnvelopeFixtures {

  static final String CITIZEN = "citizen-fixture-anna";
  static final String REQUEST = "request-7c1e2d4a-0000-4000-8000-00000000e001";

  private EnvelopeFixtures() {}

  /** A submission with every kind of personal value: text, a map, a whole record, a null. */
  static ServiceRequestSubmitted submitted() {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("purpose", "Nachweis für den Arbeitgeber");
    attributes.put("copies", 2);
    attributes.put("previous_address", "Alte Gasse 3, 74072 Heilbronn");
    return new ServiceRequestSubmitted(
        new ServiceRequestId(REQUEST),
        CaseNumber.of("HN", 2026, 4711),
        new CitizenId(CITIZEN),
        new ServiceCode("meldebescheinigung"),
        3,
        new DepartmentCode("buergeramt"),
        RequestKind.REQUEST,
        attributes,
        "Bitte per Post, \"dringend\" – danke",
        null,
        new Location(49.1427, 9.2109, "Marktplatz 7, 74072 Heilbronn"),
        "Anna Beispiel",
        "anna@example.org",
        null,
        "Beispielstraße 1, 74072 Heilbronn",
        14,
        Instant.parse("2026-12-07T15:00:00Z"),
        Instant.parse("2026-12-21T15:00:00Z"));
  }

  /** A rectified contact of the same citizen, the second event of the request. */
  static ApplicantContactRectified rectified() {
    return new ApplicantContactRectified(
        new ServiceRequestId(REQUEST),
        new CitizenId(CITIZEN),
        "Anna Beispiel-Muster",
        "anna.muster@example.org",
        "+49 7131 123456",
        "Neue Straße 2, 74072 Heilbronn",
        Instant.parse("2026-12-08T09:30:00Z"));
  }

  static ObjectMapper application() {
    return JsonMapper.builder()
        .findAndAddModules()
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
  }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Path work = Files.createTempDirectory("rathaus-envelope-fixture");
    Path keys = Files.createDirectories(out.resolve("keys"));
    try (EmbeddedMongoServer server = EmbeddedMongoServer.start(work.resolve("db"));
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoDatabase database = client.getDatabase("rathaus");
      SubjectKeyStore store =
          new CachingSubjectKeyStore(FileSubjectKeyStore.in(keys), Duration.ofSeconds(60));
      ObjectMapper application = application();
      MongoEventStorageEngine engine =
          MongoEventStorageEngine.builder()
              .database(database)
              .eventSerializer(
                  JacksonSerializer.builder()
                      .objectMapper(ProtectedJson.of(application, store).mapper())
                      .build())
              .snapshotSerializer(JacksonSerializer.builder().objectMapper(application).build())
              .positionBlockSize(1)
              .build();
      engine.ensureIndexes();
      MetaData meta = MetaData.with("actorId", CITIZEN).and("actorRole", "CITIZEN");
      engine.appendEvents(
          new GenericDomainEventMessage<>("ServiceRequest", REQUEST, 0, submitted(), meta));
      engine.appendEvents(
          new GenericDomainEventMessage<>("ServiceRequest", REQUEST, 1, rectified(), meta));
      BsonDocument dump = new BsonDocument();
      for (String name : database.listCollectionNames()) {
        BsonArray documents = new BsonArray();
        database.getCollection(name, BsonDocument.class).find().into(documents);
        dump.append(name, documents);
      }
      Files.writeString(
          out.resolve("store.json"),
          dump.toJson(
                  JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).indent(true).build())
              + "\n",
          StandardCharsets.UTF_8);
    }
    try (Stream<Path> files = Files.list(keys)) {
      files.forEach(f -> System.out.println("key file: " + f.getFileName()));
    }
  }
}
