package de.rathaus.api.open311;

import de.rathaus.api.shared.Aggregates;
import de.rathaus.api.shared.ReadModelProgress;
import de.rathaus.api.shared.ReadModels;
import de.rathaus.application.audit.RecordedHistory;
import de.rathaus.application.open311.HashedOpen311Keys;
import de.rathaus.application.open311.Open311KeyAdministration;
import de.rathaus.application.open311.Open311KeyProjection;
import de.rathaus.application.open311.Open311KeyViews;
import de.rathaus.application.open311.Open311Keys;
import de.rathaus.application.open311.RequestUpdateFeed;
import de.rathaus.application.open311.SettledHistory;
import de.rathaus.application.shared.AppliedSequences;
import de.rathaus.domain.open311.Open311Key;
import java.security.SecureRandom;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the Open311 API keys (aggregate, read model, the key check) and the request updates feed
 * (plain Java) in the engine.
 */
@Configuration(proxyBeanMethods = false)
public class Open311KeysConfiguration {

  /** The domain knows nothing of Spring, so its aggregate is registered here. */
  @Bean
  public ConfigurerModule open311KeyAggregate() {
    return Aggregates.ownEventsOnly(Open311Key.class);
  }

  @Bean
  public Open311KeyProjection open311KeyProjection(Open311KeyViews views) {
    return new Open311KeyProjection(views);
  }

  /** The keys, on their own processor {@value Open311KeyProjection#NAME}. */
  @Bean
  public ConfigurerModule open311KeysProcessor(ReadModelProgress progress, Open311KeyViews views) {
    return ReadModels.readModel(
        Open311KeyProjection.NAME,
        Open311KeyProjection.class,
        progress,
        Open311Key.class,
        AppliedSequences.of(views));
  }

  @Bean
  public Open311KeyAdministration open311KeyAdministration(CommandGateway commands, Clock clock) {
    return new Open311KeyAdministration(commands, new SecureRandom(), clock);
  }

  /** The check of the keys Open311 clients present, against the recorded hashes. */
  @Bean
  public Open311Keys open311Keys(Open311KeyViews views) {
    return new HashedOpen311Keys(views);
  }

  @Bean
  public RequestUpdateFeed requestUpdateFeed(SettledHistory settled, RecordedHistory history) {
    return new RequestUpdateFeed(settled, history);
  }
}
