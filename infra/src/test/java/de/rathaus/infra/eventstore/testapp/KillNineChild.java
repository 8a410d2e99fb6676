package de.rathaus.infra.eventstore.testapp;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the engine in its own JVM and opens counters until it is killed, printing {@code ACK id}
 * once each command has been acknowledged. Stops by itself after a minute at the latest.
 */
public final class KillNineChild {

  private KillNineChild() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    ConfigurableApplicationContext engine =
        CounterApplication.start(args[0], "logging.level.root=warn");
    CommandGateway commands = engine.getBean(CommandGateway.class);
    out.println("READY");
    long stopAt = System.nanoTime() + 60_000_000_000L;
    for (int i = 0; System.nanoTime() < stopAt; i++) {
      String id = "k-" + i;
      commands.sendAndWait(new CounterApi.OpenCounter(id));
      out.println("ACK " + id);
    }
    engine.close();
  }
}
