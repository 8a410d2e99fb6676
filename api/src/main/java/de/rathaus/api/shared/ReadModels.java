package de.rathaus.api.shared;

import de.rathaus.application.shared.AppliedSequences;
import org.axonframework.config.ConfigurerModule;

/**
 * Gives a read model its own named processor: its projection's handlers are assigned to the
 * processing group {@code name} (so a failure or a replay of one read model never touches another,
 * and renaming a Java package orphans no token), and the processor reports its progress to {@link
 * ReadModelProgress}, which read-your-writes waits on.
 *
 * <p>A read model whose records each follow one aggregate also tells where its records show how far
 * they have come, so that read-your-writes sees the events another instance applied.
 */
public final class ReadModels {

  private ReadModels() {}

  public static ConfigurerModule readModel(
      String name, Class<?> projection, ReadModelProgress progress) {
    return configurer ->
        configurer.eventProcessing(
            processing ->
                processing
                    .assignHandlerInstancesMatching(name, projection::isInstance)
                    .registerHandlerInterceptor(name, configuration -> progress.reporter(name)));
  }

  /**
   * As {@link #readModel(String, Class, ReadModelProgress)}, for a read model whose records each
   * follow one aggregate of class {@code aggregate} and carry the sequence of its last event
   * applied, which {@code applied} reads from the store.
   */
  public static ConfigurerModule readModel(
      String name,
      Class<?> projection,
      ReadModelProgress progress,
      Class<?> aggregate,
      AppliedSequences applied) {
    ConfigurerModule processed = readModel(name, projection, progress);
    return configurer -> {
      progress.storedIn(name, aggregate.getSimpleName(), applied);
      processed.configureModule(configurer);
    };
  }
}
