package de.rathaus.infra.eventstore.peer;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Transactions on a pooled data source bound to the thread that starts them, as Axon's Spring Boot
 * wiring for JDBC has them (Spring's {@code DataSourceTransactionManager} behind Axon's {@code
 * SpringTransactionManager}, and a connection provider that hands out the transaction's
 * connection): a transaction takes a connection from the pool with auto-commit off, every statement
 * of the engine inside it runs on that connection, and its commit is one {@code COMMIT}. A
 * transaction started inside another joins it. Outside a transaction the pool's connections are
 * handed out as they are (auto-commit).
 */
public final class ThreadBoundTransactions implements TransactionManager, ConnectionProvider {

  private final DataSource dataSource;
  private final ThreadLocal<Connection> current = new ThreadLocal<>();

  public ThreadBoundTransactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Transaction startTransaction() {
    if (current.get() != null) {
      return Joined.INSTANCE;
    }
    Connection connection;
    try {
      connection = dataSource.getConnection();
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot begin a transaction", e);
    }
    current.set(connection);
    return new Transaction() {
      @Override
      public void commit() {
        try {
          connection.commit();
        } catch (SQLException e) {
          throw new IllegalStateException("commit failed", e);
        } finally {
          release(connection);
        }
      }

      @Override
      public void rollback() {
        try {
          connection.rollback();
        } catch (SQLException e) {
          throw new IllegalStateException("rollback failed", e);
        } finally {
          release(connection);
        }
      }
    };
  }

  private void release(Connection connection) {
    current.remove();
    try {
      connection.setAutoCommit(true);
      connection.close();
    } catch (SQLException e) {
      // the pool evicts a broken connection itself
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = current.get();
    if (connection == null) {
      return dataSource.getConnection();
    }
    // the engine closes what it is given after each statement: the transaction's stays open
    return ConnectionWrapperFactory.wrap(
        connection,
        new ConnectionWrapperFactory.ConnectionCloseHandler() {
          @Override
          public void close(Connection delegate) {}

          @Override
          public void commit(Connection delegate) {}
        });
  }

  /** A transaction inside another: its end is the outer one's. */
  private enum Joined implements Transaction {
    INSTANCE;

    @Override
    public void commit() {}

    @Override
    public void rollback() {}
  }
}
