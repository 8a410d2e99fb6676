package de.rathaus.api.audit;

import de.rathaus.application.audit.RecordedHistory;
import de.rathaus.application.audit.StatesAsOf;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the views as of a moment in the engine: built in memory, answered on the query bus. */
@Configuration(proxyBeanMethods = false)
public class AsOfConfiguration {

  @Bean
  public StatesAsOf statesAsOf(RecordedHistory history) {
    return new StatesAsOf(history);
  }
}
