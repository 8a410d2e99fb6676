package de.rathaus.application.shared;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * The engine's embedded store served on its own ({@code rathaus.jar store}), for several engine
 * instances on one store in tests and demos. Found through {@link java.util.ServiceLoader}: the
 * storage provides it, and the command that runs it must not start the engine.
 */
public interface StandaloneStore {

  /** The store could not start; its message says why in one line (a usage error, exit code 2). */
  class CannotStart extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CannotStart(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Serves the store in {@code dataDir} (created if needed) on {@code address}, with the same
   * durability as the engine's in-process store: every write is journaled before it is answered,
   * with {@code fsync} also forced to the disk.
   *
   * @throws CannotStart if the address is taken or the data directory cannot be used
   */
  Running serve(Path dataDir, InetSocketAddress address, boolean fsync);

  /** A running store; closing it writes its journal into its file and lets go of both. */
  interface Running extends AutoCloseable {

    /** The address it listens on. */
    InetSocketAddress address();

    @Override
    void close();
  }
}
