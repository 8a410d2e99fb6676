package de.rathaus.infra.servicerequest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteConcernException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteConcernResult;
import com.mongodb.bulk.WriteConcernError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.rathaus.application.shared.OutcomeUnknown;
import java.lang.reflect.Proxy;
import java.util.Set;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class MongoCaseNumbersTest {

  @Test
  void anIncrementTheReplicaSetDidNotConfirmInTimeIsAnUnknownOutcome() {
    MongoCaseNumbers numbers = new MongoCaseNumbers(databaseWhoseWritesTimeOut(), "HN");

    // not a 500: the caller is told the outcome is unknown (a number may be used up: a gap)
    assertThatThrownBy(() -> numbers.next(2026))
        .isInstanceOf(OutcomeUnknown.class)
        .hasCauseInstanceOf(MongoWriteConcernException.class);
  }

  /** A database whose every collection call fails as a write concern that timed out. */
  private static MongoDatabase databaseWhoseWritesTimeOut() {
    MongoCollection<?> collection =
        proxy(
            MongoCollection.class,
            (self, method, args) -> {
              throw new MongoWriteConcernException(
                  new WriteConcernError(
                      64,
                      "WriteConcernFailed",
                      "waiting for replication timed out",
                      new BsonDocument("wtimeout", BsonBoolean.TRUE)),
                  WriteConcernResult.unacknowledged(),
                  new ServerAddress("127.0.0.1"),
                  Set.of());
            });
    return proxy(MongoDatabase.class, (self, method, args) -> collection);
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<?> type, java.lang.reflect.InvocationHandler handler) {
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
