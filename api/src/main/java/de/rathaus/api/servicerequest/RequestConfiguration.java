package de.rathaus.api.servicerequest;

import de.rathaus.api.privacy.AccessRecording;
import de.rathaus.api.shared.Aggregates;
import de.rathaus.api.shared.DataDirectoryProperties;
import de.rathaus.api.shared.DemoMode;
import de.rathaus.api.shared.PeriodicTask;
import de.rathaus.api.shared.ReadModelProgress;
import de.rathaus.api.shared.ReadModels;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.application.servicerequest.ApplicantNameIndex;
import de.rathaus.application.servicerequest.CaseNumbers;
import de.rathaus.application.servicerequest.CaseProjection;
import de.rathaus.application.servicerequest.CaseViews;
import de.rathaus.application.servicerequest.DeadlineWatch;
import de.rathaus.application.servicerequest.RequestProjection;
import de.rathaus.application.servicerequest.RequestSubmission;
import de.rathaus.application.servicerequest.RequestViews;
import de.rathaus.application.servicerequest.SubmissionLimit;
import de.rathaus.application.shared.AppliedSequences;
import de.rathaus.domain.servicerequest.ServiceRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Puts the request aggregate, its projections and the submission use case in the engine. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  StaffProperties.class,
  ObjectionProperties.class,
  LimitProperties.class,
  SearchProperties.class
})
public class RequestConfiguration {

  @Bean
  public ConfigurerModule serviceRequestAggregate() {
    return Aggregates.ownEventsOnly(ServiceRequest.class);
  }

  /**
   * The key of the clerks' name search: configured (fail closed without it), or generated into the
   * data directory in demo mode.
   */
  @Bean
  public ApplicantNameIndex applicantNameIndex(
      SearchProperties properties,
      DataDirectoryProperties dataDirectory,
      org.springframework.core.env.Environment environment) {
    return ApplicantNameIndex.load(
        properties.key(),
        dataDirectory.dataDir().resolve(SearchProperties.DEMO_KEY_FILE),
        DemoMode.of(environment) == DemoMode.ON);
  }

  /** At most {@code rathaus.limits.requests-per-hour} submissions per citizen in any hour. */
  @Bean
  public SubmissionLimit submissionLimit(
      RequestViews requests, LimitProperties limits, java.time.Clock clock) {
    return new SubmissionLimit(requests, limits.requestsPerHour(), clock);
  }

  @Bean
  public RequestProjection requestProjection(RequestViews views) {
    return new RequestProjection(views);
  }

  @Bean
  public CaseProjection caseProjection(CaseViews views) {
    return new CaseProjection(views);
  }

  /** The applicant's read model, on its own processor {@value RequestProjection#NAME}. */
  @Bean
  public ConfigurerModule requestViewsProcessor(ReadModelProgress progress, RequestViews views) {
    return ReadModels.readModel(
        RequestProjection.NAME,
        RequestProjection.class,
        progress,
        ServiceRequest.class,
        AppliedSequences.of(views));
  }

  /** The clerks' read model, on its own processor {@value CaseProjection#NAME}. */
  @Bean
  public ConfigurerModule caseViewsProcessor(ReadModelProgress progress, CaseViews views) {
    return ReadModels.readModel(
        CaseProjection.NAME,
        CaseProjection.class,
        progress,
        ServiceRequest.class,
        AppliedSequences.of(views));
  }

  /** The clerks a case may be assigned to: demo accounts, or {@code rathaus.staff.*}. */
  /** The clerks' work, for the API and the portal alike. */
  @Bean
  public CaseDesk caseDesk(
      CommandGateway commands,
      QueryGateway queries,
      ReadYourWrites readYourWrites,
      ClerkDirectory clerks,
      Clock clock,
      AccessRecording access,
      ApplicantNameIndex names) {
    return new CaseDesk(commands, queries, readYourWrites, clerks, clock, access, names);
  }

  @Bean
  public ClerkDirectory clerkDirectory(
      ObjectProvider<UserDetailsService> accounts, StaffProperties staff) {
    return new ClerkDirectory(Optional.ofNullable(accounts.getIfAvailable()), staff.staff());
  }

  @Bean
  public RequestSubmission requestSubmission(
      CommandGateway commands,
      QueryGateway queries,
      CaseNumbers caseNumbers,
      EventStore events,
      Clock clock) {
    return new RequestSubmission(commands, queries, caseNumbers, events, clock);
  }

  @Bean
  public DeadlineWatch deadlineWatch(CaseViews cases, CommandGateway commands) {
    return new DeadlineWatch(cases, commands);
  }

  /**
   * Flags overdue cases once the engine is ready and every {@code
   * rathaus.deadlines.check-interval}; a case that could not be flagged is logged and counted with
   * its id.
   */
  @Bean
  public PeriodicTask deadlineSchedule(
      DeadlineWatch watch, Clock clock, MeterRegistry meters, StaffProperties properties) {
    return new PeriodicTask(
        "deadline-watch",
        properties.deadlines().checkInterval(),
        () -> {
          DeadlineWatch.Run run = watch.flagOverdue(clock.instant());
          return new PeriodicTask.Outcome(
              run.flagged().size(),
              run.failed().stream()
                  .map(f -> new PeriodicTask.Failure(f.id().value(), f.cause()))
                  .toList());
        },
        meters);
  }
}
