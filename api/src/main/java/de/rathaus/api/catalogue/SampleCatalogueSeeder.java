package de.rathaus.api.catalogue;

import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.application.catalogue.FindPublishedService;
import de.rathaus.application.catalogue.SampleCatalogue;
import de.rathaus.application.catalogue.SampleCatalogue.SampleService;
import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.domain.catalogue.DraftServiceDefinition;
import de.rathaus.domain.catalogue.PublishServiceDefinition;
import de.rathaus.domain.catalogue.ServiceDefinitionRuleViolation;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Seeds the sample catalogue on the first start (demo mode): each sample service is drafted and
 * published through the ordinary commands, so the history shows how it came to be. On later starts
 * the services exist already and nothing is recorded again. Off under the production profile.
 */
@Component
@Conditional(de.rathaus.api.shared.DemoMode.On.class)
class SampleCatalogueSeeder implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SampleCatalogueSeeder.class);

  private final CommandGateway commands;
  private final QueryGateway queries;

  SampleCatalogueSeeder(CommandGateway commands, QueryGateway queries) {
    this.commands = commands;
    this.queries = queries;
  }

  @Override
  public void run(ApplicationArguments args) {
    int seeded = 0;
    for (SampleService service : SampleCatalogue.services()) {
      try {
        commands.sendAndWait(new DraftServiceDefinition(service.code(), service.content()));
      } catch (AggregateStreamCreationException alreadySeeded) {
        continue;
      }
      try {
        commands.sendAndWait(new PublishServiceDefinition(service.code()));
        seeded++;
      } catch (ServiceDefinitionRuleViolation alreadyPublished) {
        log.debug("Sample service {} was published already", service.code());
      }
    }
    if (seeded > 0) {
      // the start is over only once citizens can find the services (read-your-writes)
      for (SampleService service : SampleCatalogue.services()) {
        ReadYourWrites.await(
            () ->
                queries
                    .query(
                        new FindPublishedService(service.code().value()),
                        ResponseTypes.optionalInstanceOf(ServiceView.class))
                    .join(),
            Optional::isPresent);
      }
      log.info("Seeded {} sample services into the catalogue", seeded);
    }
  }
}
