package de.rathaus.api.shared;

import org.axonframework.config.ConfigurerModule;

/**
 * Gives a read model its own named processor: its projection's handlers are assigned to the
 * processing group {@code name} (so a failure or a replay of one read model never touches another,
 * and renaming a Java package orphans no token), and the processor reports its progress to {@link
 * ReadModelProgress}, which read-your-writes waits on.
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
}
