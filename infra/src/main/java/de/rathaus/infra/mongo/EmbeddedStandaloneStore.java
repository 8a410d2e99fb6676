package de.rathaus.infra.mongo;

import de.rathaus.application.shared.StandaloneStore;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/** {@code rathaus.jar store}: the {@link EmbeddedMongoServer} the engine runs in-process. */
public class EmbeddedStandaloneStore implements StandaloneStore {

  @Override
  public Running serve(Path dataDir, InetSocketAddress address, boolean fsync) {
    EmbeddedMongoServer server;
    try {
      server = EmbeddedMongoServer.start(dataDir, fsync, address);
    } catch (RuntimeException e) {
      if (causedBy(e, BindException.class)) {
        throw new CannotStart(
            "port "
                + address.getPort()
                + " is in use (or "
                + address.getAddress().getHostAddress()
                + " is no address of this machine)");
      }
      throw new CannotStart(
          "cannot open the store in "
              + dataDir
              + ": it is in use by another store or engine, or unreadable ("
              + e.getClass().getSimpleName()
              + ")");
    }
    return new Running() {
      @Override
      public InetSocketAddress address() {
        return server.address();
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (kind.isInstance(cause)) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }
}
