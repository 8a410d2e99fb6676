package de.rathaus.infra.eventstore.testapp;

import de.rathaus.infra.mongo.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** The engine with a counter aggregate and two processors, for integration tests. */
@SpringBootApplication
public class CounterApplication {

  /** Snapshot every 20 events, so that long counters load from a snapshot. */
  @Bean
  public SnapshotTriggerDefinition counterSnapshots(Snapshotter snapshotter) {
    return new EventCountSnapshotTriggerDefinition(snapshotter, 20);
  }

  @Bean
  public CounterProjection counterProjection() {
    return new CounterProjection();
  }

  @Bean
  public EventLog eventLog() {
    return new EventLog();
  }

  /** Starts the engine on a data directory, without a web server. */
  public static ConfigurableApplicationContext start(String dataDir, String... properties) {
    String[] all = new String[properties.length + 1];
    all[0] = "rathaus.data-dir=" + dataDir;
    System.arraycopy(properties, 0, all, 1, properties.length);
    return new SpringApplicationBuilder(CounterApplication.class)
        .web(WebApplicationType.NONE)
        .properties(all)
        .run();
  }

  /**
   * Starts the engine on a data directory and, under the {@code external-store} profile, on {@code
   * database} of the external MongoDB (which the caller drops with {@link TestDatabase#drop}).
   */
  public static ConfigurableApplicationContext startOn(
      String dataDir, String database, String... properties) {
    List<String> all = new ArrayList<>(TestDatabase.engineProperties(database));
    all.addAll(List.of(properties));
    return start(dataDir, all.toArray(String[]::new));
  }

  public static void main(String[] args) {
    SpringApplication.run(CounterApplication.class, args);
  }
}
