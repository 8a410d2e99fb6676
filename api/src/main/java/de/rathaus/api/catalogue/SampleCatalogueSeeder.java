package de.rathaus.api.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.rathaus.api.catalogue.SampleCatalogue.InvalidSampleFile;
import de.rathaus.api.catalogue.SampleCatalogue.SampleActionField;
import de.rathaus.api.catalogue.SampleCatalogue.SampleDepartment;
import de.rathaus.api.catalogue.SampleCatalogue.SampleService;
import de.rathaus.api.shared.ReadModelProgress;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.api.shared.Readiness;
import de.rathaus.application.catalogue.CatalogueAdministration;
import de.rathaus.application.catalogue.CatalogueAdministration.UnknownDepartment;
import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.application.catalogue.FindDepartment;
import de.rathaus.application.catalogue.ServiceCatalogueProjection;
import de.rathaus.application.shared.Answers;
import de.rathaus.domain.catalogue.DepartmentId;
import de.rathaus.domain.catalogue.PublishServiceDefinition;
import de.rathaus.domain.catalogue.ServiceDefinitionDrafted;
import de.rathaus.domain.catalogue.ServiceDefinitionRuleViolation;
import de.rathaus.domain.participation.ActionFieldId;
import de.rathaus.domain.shared.DepartmentCode;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Seeds the sample catalogue ({@link SampleCatalogue}) on the first start (demo mode): the
 * departments first, then the action fields of the city's strategy, then each service drafted and
 * published, all through the ordinary commands and checked as an administrator's requests are, so
 * the history shows how it came to be. The commands, and so their events, carry the metadata {@code
 * sample=true}. What has a history already is left alone, so later starts record nothing. A sample
 * file that fails a check fails the start before anything is sent. Off under the production
 * profile.
 */
@Component
@Conditional(de.rathaus.api.shared.DemoMode.On.class)
@Order(Readiness.BEFORE_READY) // the engine is ready only once the sample is in
class SampleCatalogueSeeder implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SampleCatalogueSeeder.class);

  /** Marks sample data on its commands and events. */
  static final MetaData SAMPLE_DATA = MetaData.with(SampleCatalogue.MARKER, "true");

  /**
   * How long the start waits for the departments' read model before it drafts the services that
   * name them: on a large store, a read model new to it replays the whole history first.
   */
  static final Duration DEPARTMENTS_BOUND = Duration.ofMinutes(2);

  /** How often the wait for the departments looks again without being woken. */
  static final Duration LOOK_AGAIN = Duration.ofMillis(200);

  private final CommandGateway commands;
  private final QueryGateway queries;
  private final ReadYourWrites readYourWrites;
  private final ReadModelProgress progress;
  private final CatalogueAdministration administration;
  private final EventStore events;
  private final ObjectMapper json;
  private final Validator validator;
  private final String location;

  @Autowired
  SampleCatalogueSeeder(
      CommandGateway commands,
      QueryGateway queries,
      ReadYourWrites readYourWrites,
      ReadModelProgress progress,
      CatalogueAdministration administration,
      EventStore events,
      ObjectMapper json,
      Validator validator) {
    this(
        commands,
        queries,
        readYourWrites,
        progress,
        administration,
        events,
        json,
        validator,
        SampleCatalogue.LOCATION);
  }

  SampleCatalogueSeeder(
      CommandGateway commands,
      QueryGateway queries,
      ReadYourWrites readYourWrites,
      ReadModelProgress progress,
      CatalogueAdministration administration,
      EventStore events,
      ObjectMapper json,
      Validator validator,
      String location) {
    this.commands = commands;
    this.queries = queries;
    this.readYourWrites = readYourWrites;
    this.progress = progress;
    this.administration = administration;
    this.events = events;
    this.json = json;
    this.validator = validator;
    this.location = location;
  }

  @Override
  public void run(ApplicationArguments args) {
    SampleCatalogue sample =
        SampleCatalogue.read(new PathMatchingResourcePatternResolver(), location, json, validator);
    int departments = seedDepartments(sample.departments());
    // no service names an action field: the readiness check waits for their read model
    int actionFields = seedActionFields(sample.actionFields());
    List<SampleService> services =
        sample.services().stream().filter(service -> !hasHistory(service.code().value())).toList();
    // a start that stopped between drafting a sample service and publishing it left a draft
    List<SampleService> drafted =
        sample.services().stream()
            .filter(service -> isUnpublishedSampleDraft(service.code().value()))
            .toList();
    if (!services.isEmpty()) {
      awaitDepartments(
          services.stream()
              .map(service -> service.content().department())
              .collect(Collectors.toSet()));
    }
    // the start is over only once citizens can find the services (read-your-writes)
    List<SampleService> published =
        readYourWrites.run(
            () -> {
              List<SampleService> all = new ArrayList<>(publish(drafted));
              all.addAll(seedServices(services));
              return all;
            },
            ServiceCatalogueProjection.NAME);
    if (departments > 0 || actionFields > 0 || !published.isEmpty()) {
      log.info(
          "Seeded {} sample departments, {} sample action fields and {} sample services",
          departments,
          actionFields,
          published.size());
    }
  }

  private int seedDepartments(List<SampleDepartment> departments) {
    int seeded = 0;
    for (SampleDepartment department : departments) {
      if (hasHistory(DepartmentId.of(department.command().code()).value())) {
        continue;
      }
      try {
        commands.sendAndWait(sample(department.command()));
        seeded++;
      } catch (AggregateStreamCreationException seededMeanwhile) {
        log.debug("Sample department {} exists already", department.command().code());
      }
    }
    return seeded;
  }

  private int seedActionFields(List<SampleActionField> actionFields) {
    int seeded = 0;
    for (SampleActionField field : actionFields) {
      // an action field an admin retired has a history and is not created again
      if (hasHistory(ActionFieldId.of(field.command().code()).value())) {
        continue;
      }
      try {
        commands.sendAndWait(sample(field.command()));
        seeded++;
      } catch (AggregateStreamCreationException seededMeanwhile) {
        log.debug("Sample action field {} exists already", field.command().code());
      }
    }
    return seeded;
  }

  private List<SampleService> seedServices(List<SampleService> services) {
    List<SampleService> published = new ArrayList<>();
    for (SampleService service : services) {
      try {
        administration.draft(service.code(), service.content(), SAMPLE_DATA);
      } catch (AggregateStreamCreationException seededMeanwhile) {
        continue;
      } catch (UnknownDepartment unknown) {
        throw new InvalidSampleFile(
            service.file(),
            "names department " + unknown.department() + ", which is not known and active");
      }
      published.addAll(publish(List.of(service)));
    }
    return published;
  }

  private List<SampleService> publish(List<SampleService> services) {
    List<SampleService> published = new ArrayList<>();
    for (SampleService service : services) {
      try {
        commands.sendAndWait(sample(new PublishServiceDefinition(service.code())));
        published.add(service);
      } catch (ServiceDefinitionRuleViolation alreadyPublished) {
        log.debug("Sample service {} was published already", service.code());
      }
    }
    return published;
  }

  /**
   * Whether the history under this code is only the sample draft, never published: what a start
   * leaves that stopped right after drafting. A draft an administrator made or changed is theirs to
   * publish, and is left alone.
   */
  private boolean isUnpublishedSampleDraft(String code) {
    if (!hasHistory(code)) {
      return false;
    }
    List<? extends DomainEventMessage<?>> history = events.readEvents(code).asStream().toList();
    return history.size() == 1
        && history.get(0).getPayload() instanceof ServiceDefinitionDrafted
        && "true".equals(history.get(0).getMetaData().get(SampleCatalogue.MARKER));
  }

  /** Whether the event store holds a history under this id: then it was seeded before. */
  private boolean hasHistory(String aggregateId) {
    return events.lastSequenceNumberFor(aggregateId).isPresent();
  }

  /**
   * Waits until the departments' read model shows every department named, looking again each time a
   * read model reports progress (and at least every {@link #LOOK_AGAIN}, for a department another
   * instance stored: its events reach this read model too, but nothing here waits for them).
   */
  private void awaitDepartments(Set<DepartmentCode> named) {
    if (!progress.await(
        () -> named.stream().allMatch(this::shown),
        DEPARTMENTS_BOUND.toNanos(),
        LOOK_AGAIN.toNanos())) {
      String missing =
          named.stream()
              .filter(code -> !shown(code))
              .map(DepartmentCode::value)
              .sorted()
              .collect(Collectors.joining(", "));
      throw new IllegalStateException(
          "The departments' read model did not show department "
              + missing
              + " within "
              + DEPARTMENTS_BOUND
              + "; the sample services were not seeded");
    }
  }

  private boolean shown(DepartmentCode code) {
    return Answers.of(
            queries.query(
                new FindDepartment(code), ResponseTypes.optionalInstanceOf(DepartmentView.class)))
        .isPresent();
  }

  private static GenericCommandMessage<Object> sample(Object command) {
    return new GenericCommandMessage<>(command, SAMPLE_DATA);
  }
}
