package de.rathaus.infra.eventstore;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.ReadConcern;
import com.mongodb.ServerAddress;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.WriteConcernError;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * Wraps the driver's {@link MongoDatabase} (with {@link Proxy}) so that a test can make the events
 * collection behave as a replica set in trouble does: an insert held back before it is applied (a
 * stalled writer, a slow {@code w: majority}), applied in parts, applied but not confirmed (a write
 * concern that timed out), or documents that majority reads do not see yet (a lagging majority
 * snapshot; a read at {@code local} concern sees what the primary holds).
 */
final class FaultyMongo {

  /** What happens to one {@code insertMany} on the events collection. */
  @FunctionalInterface
  interface InsertFault {
    /** Inserts {@code documents} with {@code insert} (or not, or in parts), and may throw. */
    void insertMany(List<BsonDocument> documents, Consumer<List<BsonDocument>> insert);
  }

  static final InsertFault NONE = (documents, insert) -> insert.accept(documents);

  private final String eventsCollection;
  volatile InsertFault inserts = NONE;
  volatile Predicate<BsonDocument> hiddenFromReads = document -> false;

  /** Every majority read fails, as while the store is away. */
  volatile boolean readsFail;

  FaultyMongo(String eventsCollection) {
    this.eventsCollection = eventsCollection;
  }

  /** The database as the engine sees it: every way to its events collection goes through here. */
  MongoDatabase wrap(MongoDatabase database) {
    return proxy(MongoDatabase.class, database, this::database);
  }

  /** Whether the documents are (part of) a commit with an event of {@code aggregate}. */
  static boolean ofAggregate(List<BsonDocument> documents, String aggregate) {
    return documents.stream()
        .anyMatch(d -> new BsonString(aggregate).equals(d.get(EventDocuments.AGGREGATE_ID)));
  }

  /** A write concern that timed out after the write was applied on the primary. */
  static MongoBulkWriteException writeConcernTimeout() {
    return new MongoBulkWriteException(
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

  /** Inserts {@code documents[from, to)}, reporting failed indexes as indexes of the whole list. */
  static void insertPart(
      List<BsonDocument> documents, int from, int to, Consumer<List<BsonDocument>> insert) {
    try {
      insert.accept(documents.subList(from, to));
    } catch (MongoBulkWriteException e) {
      List<BulkWriteError> shifted = new ArrayList<>();
      for (BulkWriteError error : e.getWriteErrors()) {
        shifted.add(
            new BulkWriteError(
                error.getCode(), error.getMessage(), error.getDetails(), error.getIndex() + from));
      }
      throw new MongoBulkWriteException(
          e.getWriteResult(),
          shifted,
          e.getWriteConcernError(),
          e.getServerAddress(),
          e.getErrorLabels());
    }
  }

  private Object database(Object target, Method method, Object[] args) throws Throwable {
    Object result = call(target, method, args);
    if (result instanceof MongoDatabase database) {
      return wrap(database);
    }
    if (result instanceof MongoCollection<?> collection
        && collection.getNamespace().getCollectionName().equals(eventsCollection)) {
      return proxy(MongoCollection.class, collection, this::collection);
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private Object collection(Object target, Method method, Object[] args) throws Throwable {
    MongoCollection<BsonDocument> events = (MongoCollection<BsonDocument>) target;
    if (method.getName().equals("insertMany")
        && args.length >= 1
        && args[0] instanceof List<?> documents) {
      inserts.insertMany(
          (List<BsonDocument>) documents,
          part -> {
            Object[] partArgs = args.clone();
            partArgs[0] = new ArrayList<>(part);
            try {
              call(target, method, partArgs);
            } catch (RuntimeException e) {
              throw e;
            } catch (Throwable e) {
              throw new IllegalStateException(e);
            }
          });
      return null; // InsertManyResult is not used by the engine
    }
    Object result = call(target, method, args);
    if (result instanceof MongoCollection<?> collection) {
      return proxy(MongoCollection.class, collection, this::collection);
    }
    if (result instanceof FindIterable<?> found) {
      // a read at "local" concern on the primary sees what the primary holds: only majority reads
      // lag
      boolean lags = !ReadConcern.LOCAL.equals(events.getReadConcern());
      return lags ? findProxy((FindIterable<BsonDocument>) found) : found;
    }
    return result;
  }

  private Object findProxy(FindIterable<BsonDocument> found) {
    return proxy(
        FindIterable.class,
        found,
        (target, method, args) -> {
          switch (method.getName()) {
            case "iterator", "cursor":
              return cursor(visible(found).iterator());
            case "first":
              List<BsonDocument> all = visible(found);
              return all.isEmpty() ? null : all.get(0);
            case "forEach":
              visible(found).forEach((Consumer<BsonDocument>) args[0]);
              return null;
            case "into":
              ((Collection<BsonDocument>) args[0]).addAll(visible(found));
              return args[0];
            default:
              Object result = call(target, method, args);
              return result instanceof FindIterable<?> more
                  ? findProxy((FindIterable<BsonDocument>) more)
                  : result;
          }
        });
  }

  private List<BsonDocument> visible(FindIterable<BsonDocument> found) {
    if (readsFail) {
      throw new com.mongodb.MongoSocketReadException(
          "the store is away", new com.mongodb.ServerAddress("127.0.0.1", 27017));
    }
    List<BsonDocument> all = new ArrayList<>();
    try (MongoCursor<BsonDocument> cursor = found.iterator()) {
      cursor.forEachRemaining(all::add);
    }
    Predicate<BsonDocument> hidden = hiddenFromReads;
    all.removeIf(hidden);
    return all;
  }

  private static MongoCursor<BsonDocument> cursor(Iterator<BsonDocument> documents) {
    return proxy(
        MongoCursor.class,
        documents,
        (target, method, args) ->
            switch (method.getName()) {
              case "hasNext" -> documents.hasNext();
              case "next" -> documents.next();
              case "tryNext" -> documents.hasNext() ? documents.next() : null;
              case "available" -> documents.hasNext() ? 1 : 0;
              case "close" -> null;
              case "forEachRemaining" -> {
                documents.forEachRemaining((Consumer<BsonDocument>) args[0]);
                yield null;
              }
              default -> throw new UnsupportedOperationException(method.getName());
            });
  }

  @FunctionalInterface
  private interface Handler {
    Object handle(Object target, Method method, Object[] args) throws Throwable;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Object target, Handler handler) {
    InvocationHandler invocation =
        (self, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
              case "equals" -> self == args[0];
              case "hashCode" -> System.identityHashCode(self);
              default -> "Faulty(" + target + ")";
            };
          }
          return handler.handle(target, method, args == null ? new Object[0] : args);
        };
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, invocation);
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
