package de.rathaus.api;

import de.rathaus.api.cli.OfflineCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the Rathaus engine: the HTTP API on the event store. */
@SpringBootApplication
public class RathausApplication {

  /** Axon's update checker would phone home; it must be off before Axon starts. */
  static final String UPDATE_CHECKER_OFF = "axoniq.update-checker.disabled";

  public static void main(String[] args) {
    OfflineCommands.run(args, System.out, System.err).ifPresent(System::exit);
    System.setProperty(UPDATE_CHECKER_OFF, "true");
    System.setProperty("disable-axoniq-console-message", "true");
    SpringApplication.run(RathausApplication.class, args);
  }
}
