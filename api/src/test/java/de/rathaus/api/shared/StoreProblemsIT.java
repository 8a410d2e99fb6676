package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.ServerAddress;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.WriteConcernError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.rathaus.api.TestClient;
import de.rathaus.api.TestClient.Response;
import de.rathaus.application.shared.OutcomeUnknown;
import de.rathaus.domain.catalogue.PublishServiceDefinition;
import de.rathaus.domain.shared.ServiceCode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A command whose events the database applied but did not confirm in time (a write concern that
 * timed out): the caller gets a 503 problem saying the outcome is unknown, and that a retry with
 * the same Idempotency-Key is safe only where the operation takes one, through the whole chain:
 * driver, event store, Axon's unit of work, the command gateway, the controller.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StoreProblemsIT.UnconfirmedWrites.class)
// its data directory is deleted after the class: an engine kept in the context cache would go on
// running its watches against a store that is gone, for the rest of the suite
@DirtiesContext
class StoreProblemsIT {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
  }

  /** While set, every insert into the events collection is applied, then not confirmed. */
  static volatile boolean unconfirmed;

  @LocalServerPort int port;
  @Autowired CommandGateway commands;

  @AfterEach
  void confirmAgain() {
    unconfirmed = false;
  }

  private static final String SERVICE =
      """
      {"code": "ungewiss", "name": {"de": "Ungewiss", "en": "Uncertain"},
       "description": {"de": "Ein Test", "en": "A test"},
       "department": "ordnungsamt", "group": "Test", "keywords": [], "kind": "request",
       "fee": 0, "processingDays": 1, "attributes": []}
      """;

  @Test
  void aChangeTheStoreDidNotConfirmIsAnUnknownOutcomeInTheCallersLanguage() throws Exception {
    unconfirmed = true;

    Response english =
        new TestClient(port)
            .post("/api/v1/services")
            .as("ada")
            .header("Accept-Language", "en")
            .json(SERVICE)
            .send();
    Response german =
        new TestClient(port)
            .post("/api/v1/services")
            .as("ada")
            .header("Accept-Language", "de")
            .json(SERVICE.replace("ungewiss", "ungewiss-2"))
            .send();

    for (Response response : List.of(english, german)) {
      assertThat(response.status()).isEqualTo(503);
      assertThat(response.isProblem()).isTrue();
      assertThat(response.header("Retry-After")).contains("1");
      JsonNode problem = response.json();
      assertThat(problem.get("type").asText()).endsWith("/problems/outcome-unknown");
      assertThat(problem.toString()).doesNotContain("WriteConcern").doesNotContain("Mongo");
    }
    assertThat(english.json().get("title").asText()).isEqualTo("Outcome unknown");
    assertThat(german.json().get("title").asText()).isEqualTo("Ergebnis unbekannt");
    // creating a service takes no Idempotency-Key: sending it again is not promised to be safe
    assertThat(english.json().get("detail").asText())
        .contains("Check whether it was made")
        .doesNotContain("is safe");
    assertThat(german.json().get("detail").asText()).contains("Prüfen Sie zuerst");
  }

  @Test
  void aRetryWithTheSameKeyIsCalledSafeOnlyWhereTheOperationTakesTheKey() throws Exception {
    unconfirmed = true;
    String submission =
        """
        {"serviceCode": "meldebescheinigung",
         "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post"},
         "applicant": {"name": "Anna Beispiel", "email": "anna@example.org"}}
        """;

    Response withKey =
        new TestClient(port)
            .post("/api/v1/requests")
            .as("anna")
            .header("Accept-Language", "en")
            .header("Idempotency-Key", "unconfirmed-1")
            .json(submission)
            .send();
    Response withoutKey =
        new TestClient(port)
            .post("/api/v1/requests")
            .as("anna")
            .header("Accept-Language", "en")
            .json(submission)
            .send();
    Response keyTheOperationIgnores =
        new TestClient(port)
            .post("/api/v1/services")
            .as("ada")
            .header("Accept-Language", "en")
            .header("Idempotency-Key", "unconfirmed-2")
            .json(SERVICE.replace("ungewiss", "ungewiss-key"))
            .send();

    for (Response response : List.of(withKey, withoutKey, keyTheOperationIgnores)) {
      assertThat(response.status()).as(response.body()).isEqualTo(503);
      assertThat(response.json().get("type").asText()).endsWith("/problems/outcome-unknown");
    }
    assertThat(withKey.json().get("detail").asText())
        .contains("same request again with the same Idempotency-Key is safe");
    assertThat(withoutKey.json().get("detail").asText()).contains("Check whether it was made");
    assertThat(keyTheOperationIgnores.json().get("detail").asText())
        .contains("Check whether it was made");
  }

  @Test
  void theCommandGatewayPassesTheStoresUnknownOutcomeOn() {
    new TestClient(port)
        .post("/api/v1/services")
        .as("ada")
        .json(SERVICE.replace("ungewiss", "ungewiss-gateway"))
        .send()
        .expect(201);
    unconfirmed = true;

    Throwable thrown =
        catchThrowable(
            () ->
                commands.sendAndWait(
                    new PublishServiceDefinition(new ServiceCode("ungewiss-gateway"))));

    // what the controllers see: the store's exception itself, not wrapped by Axon
    assertThat(thrown).isInstanceOf(OutcomeUnknown.class).hasCauseInstanceOf(MongoException.class);
  }

  /** Wraps the database so that inserts into the events collection can go unconfirmed. */
  @TestConfiguration
  static class UnconfirmedWrites {
    @Bean
    static BeanPostProcessor unconfirmedEventWrites() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof MongoDatabase database ? wrap(database) : bean;
        }
      };
    }

    static MongoDatabase wrap(MongoDatabase database) {
      return proxy(
          MongoDatabase.class,
          database,
          (method, args) -> {
            Object result = call(database, method, args);
            if (result instanceof MongoDatabase other) {
              return wrap(other);
            }
            if (result instanceof MongoCollection<?> collection
                && collection.getNamespace().getCollectionName().equals("events")) {
              return events(collection);
            }
            return result;
          });
    }

    private static Object events(MongoCollection<?> collection) {
      return proxy(
          MongoCollection.class,
          collection,
          (method, args) -> {
            Object result = call(collection, method, args);
            if (method.getName().equals("insertMany") && unconfirmed) {
              throw new MongoBulkWriteException(
                  BulkWriteResult.unacknowledged(),
                  List.of(),
                  new WriteConcernError(
                      64,
                      "WriteConcernFailed",
                      "waiting for replication timed out",
                      new BsonDocument("wtimeout", BsonBoolean.TRUE)),
                  new ServerAddress("127.0.0.1"),
                  Set.of());
            }
            return result instanceof MongoCollection<?> other ? events(other) : result;
          });
    }

    interface Call {
      Object invoke(Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, Call call) {
      return (T)
          Proxy.newProxyInstance(
              type.getClassLoader(),
              new Class<?>[] {type},
              (self, method, args) ->
                  method.getDeclaringClass() == Object.class
                      ? call(target, method, args)
                      : call.invoke(method, args));
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
