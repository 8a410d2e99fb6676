package de.rathaus.application.participation;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.application.participation.ConsultationView.PhaseEntry;
import de.rathaus.domain.participation.Consultation;
import de.rathaus.domain.participation.ConsultationContent;
import de.rathaus.domain.participation.ConsultationFormat;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ConsultationPhase;
import de.rathaus.domain.participation.DraftConsultation;
import de.rathaus.domain.participation.MoveConsultationPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watch against real consultations: moves what is due, in order and each at its date, leaves
 * the rest, moves once, and after a restart (a new engine on the same store and read model) moves
 * what fell due meanwhile.
 */
class PhaseWatchTest {

  private static final Instant T = Instant.parse("2026-06-01T08:00:00Z");
  private static final Instant OPENS = T.plus(Duration.ofDays(1));
  private static final Instant CLOSES = T.plus(Duration.ofDays(10));
  private static final Instant VOTING_ENDS = T.plus(Duration.ofDays(20));

  private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
  private final InMemoryConsultationViews views = new InMemoryConsultationViews();
  private Configuration axon = started();
  private CommandGateway commands = axon.commandGateway();
  private PhaseWatch watch = new PhaseWatch(views, commands);

  private Configuration started() {
    Configuration configuration =
        DefaultConfigurer.defaultConfiguration()
            .configureEventStore(c -> EmbeddedEventStore.builder().storageEngine(storage).build())
            .configureAggregate(Consultation.class)
            .eventProcessing(p -> p.usingSubscribingEventProcessors())
            .registerEventHandler(c -> new ConsultationProjection(views))
            .buildConfiguration();
    configuration.start();
    return configuration;
  }

  @AfterEach
  void stop() {
    axon.shutdown();
  }

  private ConsultationId draft(ConsultationFormat format, Instant votingEnds) {
    ConsultationId id = ConsultationId.of(UUID.randomUUID());
    ConsultationContent content =
        Consultations.content("mobilitaet", List.of(), format, OPENS, CLOSES, votingEnds);
    commands.sendAndWait(new DraftConsultation(id, content, T));
    return id;
  }

  private ConsultationPhase phase(ConsultationId id) {
    return views.find(id.value()).orElseThrow().phase();
  }

  @Test
  void opensWhatIsDueAndLeavesTheRest() {
    ConsultationId due = draft(ConsultationFormat.FEEDBACK, null);

    assertThat(watch.advance(OPENS.minusSeconds(1)).moved()).isEmpty();
    PhaseWatch.Run run = watch.advance(OPENS);

    assertThat(run.moved()).containsExactly(due);
    assertThat(run.failed()).isEmpty();
    assertThat(phase(due)).isEqualTo(ConsultationPhase.OPEN);
  }

  @Test
  void closesAtTheClosingDateWithoutVotingAndVotesWithIt() {
    ConsultationId feedback = draft(ConsultationFormat.FEEDBACK, null);
    ConsultationId ideas = draft(ConsultationFormat.IDEAS, VOTING_ENDS);
    watch.advance(OPENS);

    watch.advance(CLOSES);

    assertThat(phase(feedback)).isEqualTo(ConsultationPhase.CLOSED);
    assertThat(phase(ideas)).isEqualTo(ConsultationPhase.VOTING);
    watch.advance(VOTING_ENDS);
    assertThat(phase(ideas)).isEqualTo(ConsultationPhase.CLOSED);
  }

  @Test
  void aRunThatFindsSeveralDatesPassedMovesThroughThemInOrder() {
    ConsultationId id = draft(ConsultationFormat.IDEAS, VOTING_ENDS);

    PhaseWatch.Run run = watch.advance(VOTING_ENDS.plus(Duration.ofDays(2)));

    assertThat(run.moved()).containsExactly(id);
    assertThat(views.find(id.value()).orElseThrow().phases())
        .containsExactly(
            new PhaseEntry(ConsultationPhase.OPEN, OPENS),
            new PhaseEntry(ConsultationPhase.VOTING, CLOSES),
            new PhaseEntry(ConsultationPhase.CLOSED, VOTING_ENDS));
  }

  @Test
  void aSecondRunMovesNothingMore() {
    draft(ConsultationFormat.FEEDBACK, null);
    watch.advance(OPENS);

    assertThat(watch.advance(OPENS.plusSeconds(60)).moved()).isEmpty();
  }

  @Test
  void aRunAfterARestartMovesWhatFellDueWhileStopped() {
    ConsultationId id = draft(ConsultationFormat.IDEAS, VOTING_ENDS);
    watch.advance(OPENS);
    axon.shutdown();

    // a new engine on the same events and read model, its watch knowing nothing of the first
    axon = started();
    commands = axon.commandGateway();
    watch = new PhaseWatch(views, commands);
    PhaseWatch.Run run = watch.advance(VOTING_ENDS.plusSeconds(1));

    assertThat(run.moved()).containsExactly(id);
    assertThat(phase(id)).isEqualTo(ConsultationPhase.CLOSED);
  }

  @Test
  void aViewBehindTheConsultationDoesNotStopTheRun() {
    ConsultationId closedByHand = draft(ConsultationFormat.FEEDBACK, null);
    ConsultationId other = draft(ConsultationFormat.FEEDBACK, null);
    commands.sendAndWait(new MoveConsultationPhase(closedByHand, ConsultationPhase.OPEN, null, T));
    // the read model still shows it as a draft: the consultation refuses, the run goes on
    ConsultationView current = views.find(closedByHand.value()).orElseThrow();
    ConsultationView stale =
        new ConsultationView(
            current.id(),
            current.content(),
            ConsultationPhase.DRAFT,
            current.draftedAt(),
            List.of(),
            null,
            current.sequence() + 1);
    views.replace(stale, current.sequence());

    PhaseWatch.Run run = watch.advance(OPENS);

    assertThat(run.moved()).containsExactly(other);
    assertThat(run.failed()).isEmpty();
  }

  @Test
  void aConsultationThatFailsDoesNotStopTheRun() {
    ConsultationId real = draft(ConsultationFormat.FEEDBACK, null);
    ConsultationView view = views.find(real.value()).orElseThrow();
    ConsultationId ghost = ConsultationId.of(UUID.randomUUID());
    views.insert(
        new ConsultationView(
            ghost, view.content(), ConsultationPhase.DRAFT, T, List.of(), null, 0));

    PhaseWatch.Run run = watch.advance(OPENS);

    assertThat(run.moved()).containsExactly(real);
    assertThat(run.failed())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.id()).isEqualTo(ghost);
              assertThat(failure.cause()).isNotNull();
            });
  }
}
