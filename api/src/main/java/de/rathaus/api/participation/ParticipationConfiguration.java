package de.rathaus.api.participation;

import de.rathaus.api.shared.Aggregates;
import de.rathaus.api.shared.ReadModelProgress;
import de.rathaus.api.shared.ReadModels;
import de.rathaus.application.participation.ActionFieldProjection;
import de.rathaus.application.participation.ActionFieldViews;
import de.rathaus.domain.participation.ActionField;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts e-participation's aggregates and projections (plain Java) in the engine. */
@Configuration(proxyBeanMethods = false)
public class ParticipationConfiguration {

  @Bean
  public ConfigurerModule actionFieldAggregate() {
    return Aggregates.ownEventsOnly(ActionField.class);
  }

  @Bean
  public ActionFieldProjection actionFieldProjection(ActionFieldViews views) {
    return new ActionFieldProjection(views);
  }

  /** The action fields, on their own processor {@value ActionFieldProjection#NAME}. */
  @Bean
  public ConfigurerModule actionFieldsProcessor(ReadModelProgress progress) {
    return ReadModels.readModel(ActionFieldProjection.NAME, ActionFieldProjection.class, progress);
  }
}
