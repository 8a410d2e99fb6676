package de.rathaus.infra.eventstore.peer;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.Serializer;

/**
 * The peer a user of Axon would pick instead of our engine: Axon's own {@link
 * JdbcEventStorageEngine} on PostgreSQL, wired as Axon's Spring Boot starter wires it for a data
 * source (a HikariCP pool with its defaults, Axon's PostgreSQL schema, a transaction per append and
 * per read on a connection bound to the thread, the unit-of-work-aware connection provider), with
 * the engine's defaults otherwise (batches of 100, {@code bytea} payloads).
 */
public final class AxonJdbcPeer implements AutoCloseable {

  public final JdbcEventStorageEngine engine;
  public final EmbeddedEventStore store;
  private final HikariDataSource dataSource;

  private AxonJdbcPeer(
      HikariDataSource dataSource, JdbcEventStorageEngine engine, EmbeddedEventStore store) {
    this.dataSource = dataSource;
    this.engine = engine;
    this.store = store;
  }

  /** The engine on the server's {@code postgres} database, its tables created. */
  public static AxonJdbcPeer on(PostgresServer server, Serializer serializer) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.jdbcUrl());
    config.setUsername(server.user());
    config.setPoolName("axon-jdbc-peer");
    HikariDataSource dataSource = new HikariDataSource(config);
    ThreadBoundTransactions transactions = new ThreadBoundTransactions(dataSource);
    JdbcEventStorageEngine engine =
        JdbcEventStorageEngine.builder()
            .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(transactions))
            .transactionManager(transactions)
            .eventSerializer(serializer)
            .snapshotSerializer(serializer)
            .build();
    engine.createSchema(PostgresEventTableFactory.INSTANCE);
    EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
    return new AxonJdbcPeer(dataSource, engine, store);
  }

  @Override
  public void close() {
    store.shutDown();
    dataSource.close();
  }
}
