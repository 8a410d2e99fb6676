package de.rathaus.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.infra.eventstore.testapp.CounterApplication;
import de.rathaus.infra.eventstore.testapp.KillNineChild;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Acknowledged means durable: the embedded store writes its file lazily, so the engine commits it
 * after every append. Kill the engine with SIGKILL in the middle of a burst of commands and every
 * acknowledged one must still be there after a restart.
 */
class KillNineIT {

  private static final int BURST = 400;

  @TempDir Path dataDir;

  @Test
  void everyAcknowledgedCommandSurvivesKillNine() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                java,
                "-Daxoniq.update-checker.disabled=true",
                "-cp",
                System.getProperty("java.class.path"),
                KillNineChild.class.getName(),
                dataDir.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> acknowledged = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("ACK ")) {
          acknowledged.add(line.substring(4));
          if (acknowledged.size() == BURST) {
            // SIGKILL: no shutdown hook, no final commit; lines already printed are still read
            new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start().waitFor();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
          }
        }
      }
    } finally {
      child.destroyForcibly();
    }
    assertThat(child.exitValue()).isEqualTo(137); // 128 + SIGKILL: it was killed, not ended
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(BURST);

    try (ConfigurableApplicationContext restarted = CounterApplication.start(dataDir.toString())) {
      EventStore events = restarted.getBean(EventStore.class);
      List<String> lost =
          acknowledged.stream()
              .filter(id -> events.readEvents(id).asStream().findAny().isEmpty())
              .toList();
      assertThat(lost).as("acknowledged but lost after kill -9").isEmpty();
    }
  }
}
