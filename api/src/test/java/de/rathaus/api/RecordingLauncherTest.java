package de.rathaus.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder that {@link NoOutboundConnectionIT} relies on really sees (and refuses) outbound
 * connections and name lookups, and sees writes outside the data directory, while it lets the
 * loopback interface and the data directory alone. Runs {@link RecordingLauncher.Probe} in a child
 * JVM.
 */
class RecordingLauncherTest {

  @TempDir Path dataDir;
  @TempDir Path work;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void recordsAndRefusesOutboundConnectionsAndRecordsWritesOutsideTheDataDirectory()
      throws Exception {
    Path classPath = RecordingLauncher.isolatedClassPath(work.resolve("classes"));
    Path outside = work.resolve("outside.txt");
    Path output = work.resolve("probe.log");

    Process probe =
        RecordingLauncher.childJvm(
                classPath.toString(),
                RecordingLauncher.Probe.class.getName(),
                dataDir,
                output,
                outside.toString())
            .start();
    boolean exited = probe.waitFor(45, TimeUnit.SECONDS);
    if (!exited) {
      probe.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String log = Files.readString(output, StandardCharsets.UTF_8);
    List<String> violations =
        log.lines()
            .filter(l -> l.startsWith(RecordingLauncher.VIOLATION))
            .collect(Collectors.toList());

    assertThat(exited).as("probe finished in time; output:%n%s", log).isTrue();
    assertThat(probe.exitValue()).as("probe exit code; output:%n%s", log).isZero();
    assertThat(log)
        .contains(RecordingLauncher.INSTALLED)
        .contains("PROBE loopback connected: true")
        .contains("PROBE wildcard revealed as loopback: true")
        .contains("PROBE socket refused:")
        .contains("PROBE lookup refused:")
        .contains("PROBE done");
    assertThat(violations)
        .as("violations recorded; output:%n%s", log)
        .anyMatch(l -> l.startsWith("VIOLATION connect 192.0.2.1:80 "))
        .anyMatch(l -> l.startsWith("VIOLATION connect rathaus-probe.invalid:-1 "))
        .anyMatch(l -> l.startsWith("VIOLATION write " + outside.toAbsolutePath() + " "))
        .noneMatch(l -> l.contains(dataDir.toString()))
        .noneMatch(l -> l.contains("127.0.0.1"))
        .noneMatch(l -> l.contains("0.0.0.0") || l.contains("0:0:0:0:0:0:0:0"));
    // the refused connection was checked twice: by the probe directly, then by java.net.Socket
    assertThat(violations.stream().filter(l -> l.startsWith("VIOLATION connect 192.0.2.1:80 ")))
        .hasSize(2);
    assertThat(dataDir.resolve("inside.txt")).hasContent("inside");
    assertThat(outside).hasContent("outside");
  }

  @Test
  void wildcardAddressIsRecognisedAsTheJdkWritesIt() {
    assertThat(List.of("0.0.0.0", "0:0:0:0:0:0:0:0", "::"))
        .allMatch(RecordingLauncher.Recorder::isWildcard);
    assertThat(List.of("127.0.0.1", "::1", "0.0.0.1", "192.0.2.1", "localhost"))
        .noneMatch(RecordingLauncher.Recorder::isWildcard);
  }

  @Test
  void loopbackIsDecidedFromTheTextAlone() {
    for (String loopback :
        List.of(
            "localhost",
            "LOCALHOST",
            "127.0.0.1",
            "127.1.2.3",
            "::1",
            "[::1]",
            "0:0:0:0:0:0:0:1",
            "::ffff:127.0.0.1")) {
      assertThat(RecordingLauncher.Recorder.isLoopback(loopback)).as(loopback).isTrue();
    }
    for (String remote :
        List.of(
            "192.0.2.1",
            "10.0.0.1",
            "0.0.0.0",
            "::",
            "2001:db8::1",
            "example.org",
            "localhost.example.org",
            "127.0.0.1.example.org",
            "",
            File.separator)) {
      assertThat(RecordingLauncher.Recorder.isLoopback(remote)).as(remote).isFalse();
    }
  }
}
