package de.rathaus.infra.shared;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import de.rathaus.application.audit.ReadModelGenerations;
import de.rathaus.application.audit.RebuildableReadModel;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.bson.Document;

/**
 * The registry of read-model generations in the collection {@value #COLLECTION}, one document per
 * read model: the generation in use, the version that built it, the collections the read model
 * keeps, and the rebuild under way. Generation 1 is a read model's collections under their own
 * names ({@code case_views}), generation <i>n</i> the same names with {@code ~n} ({@code
 * case_views~2}).
 *
 * <p>An adapter is bound to its read model's generations through the database it is given: {@link
 * #live} gives a database whose collections always resolve to the generation in use (so a switch
 * moves every query and write of the running adapter at once), {@link #generation} one whose
 * collections are those of one fixed generation (what a rebuild writes into). Adapters need no
 * change for it: whatever collections they ask for are the read model's collections.
 */
public final class MongoReadModelGenerations implements ReadModelGenerations {

  static final String COLLECTION = "read_model_generations";

  private static final String GENERATION = "generation";
  private static final String VERSION = "version";
  private static final String COLLECTIONS = "collections";
  private static final String BUILDING = "building";
  private static final String RETIRED = "retired";

  private final MongoDatabase database;
  private final MongoCollection<Document> registry;

  /** The generation in use per read model, as this instance answers from it. */
  private final Map<String, Integer> inUse = new ConcurrentHashMap<>();

  /** The read models this instance has looked up in the registry once. */
  private final Set<String> started = ConcurrentHashMap.newKeySet();

  /** The collections (base names) each read model's adapters asked for. */
  private final Map<String, Set<String>> collections = new ConcurrentHashMap<>();

  public MongoReadModelGenerations(MongoDatabase database) {
    this.database = database;
    this.registry = database.getCollection(COLLECTION);
  }

  /**
   * Read model {@code readModel} as rebuildable by name: a rebuild makes a second instance of its
   * projection with {@code projection}, given the database of the generation it builds.
   */
  public RebuildableReadModel rebuildable(
      MongoDatabase database,
      String readModel,
      int version,
      Function<MongoDatabase, Object> projection) {
    return new RebuildableReadModel(
        readModel,
        version,
        generation -> projection.apply(generation(database, readModel, generation)));
  }

  /** The physical name of collection {@code base} in {@code generation}. */
  public static String physical(String base, int generation) {
    return generation <= 1 ? base : base + "~" + generation;
  }

  /**
   * {@code database} as read model {@code readModel}'s adapter sees it: its collections are those
   * of the generation in use, now and after every switch.
   */
  public MongoDatabase live(MongoDatabase database, String readModel) {
    current(readModel);
    return bound(
        database,
        readModel,
        base -> dynamicCollection(database.getCollection(base), database, readModel, base));
  }

  /**
   * {@code database} with the collections of generation {@code generation} of {@code readModel}.
   */
  public MongoDatabase generation(MongoDatabase database, String readModel, int generation) {
    return bound(database, readModel, base -> database.getCollection(physical(base, generation)));
  }

  private int current(String readModel) {
    return inUse.computeIfAbsent(
        readModel,
        name -> {
          Document found = registry.find(Filters.eq("_id", name)).first();
          return found == null ? 1 : found.getInteger(GENERATION, 1);
        });
  }

  @Override
  public InUse inUse(String name, int declaredVersion) {
    Document found = registry.find(Filters.eq("_id", name)).first();
    if (found == null) {
      found =
          new Document("_id", name)
              .append(GENERATION, 1)
              .append(VERSION, declaredVersion)
              .append(COLLECTIONS, new ArrayList<>(collectionsOf(name)));
      registry.replaceOne(Filters.eq("_id", name), found, new ReplaceOptions().upsert(true));
    }
    int generation = found.getInteger(GENERATION, 1);
    if (started.add(name)) {
      // a switch that was cut short before the old generation was dropped (at the first look of
      // this instance only: later, a switch under way here may be between its two writes)
      for (Integer retired : found.getList(RETIRED, Integer.class, List.of())) {
        if (retired != generation) {
          drop(name, retired, found);
        }
      }
      if (!found.getList(RETIRED, Integer.class, List.of()).isEmpty()) {
        registry.updateOne(Filters.eq("_id", name), Updates.unset(RETIRED));
      }
      inUse.putIfAbsent(name, generation);
    }
    return new InUse(name, generation, found.getInteger(VERSION, 1));
  }

  @Override
  public Optional<Building> building(String name) {
    Document found = registry.find(Filters.eq("_id", name)).first();
    if (found == null || found.get(BUILDING) == null) {
      return Optional.empty();
    }
    Document b = found.get(BUILDING, Document.class);
    return Optional.of(
        new Building(
            b.getInteger(GENERATION),
            b.getInteger(VERSION),
            b.getDate("startedAt").toInstant(),
            ((Number) b.get("index")).longValue(),
            b.getList("gaps", Long.class, List.of()),
            ((Number) b.get("done")).longValue(),
            ((Number) b.get("total")).longValue()));
  }

  @Override
  public void begin(String name, Building building) {
    Document found = registry.find(Filters.eq("_id", name)).first();
    drop(name, building.generation(), found);
    record(name, building);
  }

  @Override
  public void record(String name, Building building) {
    registry.updateOne(
        Filters.eq("_id", name),
        Updates.combine(
            Updates.set(BUILDING, document(building)),
            Updates.addEachToSet(COLLECTIONS, new ArrayList<>(collectionsOf(name)))),
        new com.mongodb.client.model.UpdateOptions().upsert(true));
  }

  @Override
  public void abandon(String name) {
    Document found = registry.find(Filters.eq("_id", name)).first();
    Optional<Building> building = building(name);
    building.ifPresent(b -> drop(name, b.generation(), found));
    registry.updateOne(Filters.eq("_id", name), Updates.unset(BUILDING));
  }

  @Override
  public void switchIn(String name, Building building) {
    int old = current(name);
    // readers move first (the new generation is complete); then one write: the new generation in
    // use, the rebuild over, the old generation to be dropped (dropped below, or at the next start
    // if this instance dies first; if it dies before this write, the next start uses the old
    // generation and the recorded rebuild resumes)
    inUse.put(name, building.generation());
    registry.updateOne(
        Filters.eq("_id", name),
        Updates.combine(
            Updates.set(GENERATION, building.generation()),
            Updates.set(VERSION, building.version()),
            Updates.unset(BUILDING),
            Updates.addToSet(RETIRED, old)));
    Document found = registry.find(Filters.eq("_id", name)).first();
    drop(name, old, found);
    registry.updateOne(Filters.eq("_id", name), Updates.unset(RETIRED));
  }

  private void drop(String name, int generation, Document registered) {
    Set<String> bases = new java.util.HashSet<>(collectionsOf(name));
    if (registered != null) {
      bases.addAll(registered.getList(COLLECTIONS, String.class, List.of()));
    }
    for (String base : bases) {
      database.getCollection(physical(base, generation)).drop();
    }
  }

  private Collection<String> collectionsOf(String readModel) {
    return collections.getOrDefault(readModel, Set.of());
  }

  private static Document document(Building building) {
    return new Document(GENERATION, building.generation())
        .append(VERSION, building.version())
        .append("startedAt", Date.from(building.startedAt()))
        .append("index", building.index())
        .append("gaps", building.gaps())
        .append("done", building.done())
        .append("total", building.total());
  }

  // --- the databases adapters are given

  private interface Collections {
    MongoCollection<Document> collection(String base);
  }

  private MongoDatabase bound(MongoDatabase database, String readModel, Collections resolve) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().equals("getCollection")
              && args != null
              && args.length == 1
              && args[0] instanceof String base) {
            collections.computeIfAbsent(readModel, n -> ConcurrentHashMap.newKeySet()).add(base);
            return resolve.collection(base);
          }
          return invoke(method, database, args);
        };
    return (MongoDatabase)
        Proxy.newProxyInstance(
            MongoDatabase.class.getClassLoader(), new Class<?>[] {MongoDatabase.class}, handler);
  }

  @SuppressWarnings("unchecked")
  private MongoCollection<Document> dynamicCollection(
      MongoCollection<Document> first, MongoDatabase database, String readModel, String base) {
    Map<Integer, MongoCollection<Document>> byGeneration = new ConcurrentHashMap<>();
    byGeneration.put(1, first);
    InvocationHandler handler =
        (proxy, method, args) ->
            invoke(
                method,
                byGeneration.computeIfAbsent(
                    current(readModel), g -> database.getCollection(physical(base, g))),
                args);
    return (MongoCollection<Document>)
        Proxy.newProxyInstance(
            MongoCollection.class.getClassLoader(),
            new Class<?>[] {MongoCollection.class},
            handler);
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
