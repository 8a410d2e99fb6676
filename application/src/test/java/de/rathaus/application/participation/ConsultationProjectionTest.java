package de.rathaus.application.participation;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.application.participation.ConsultationView.PhaseEntry;
import de.rathaus.domain.participation.ActionFieldCode;
import de.rathaus.domain.participation.ConsultationClosed;
import de.rathaus.domain.participation.ConsultationContent;
import de.rathaus.domain.participation.ConsultationDrafted;
import de.rathaus.domain.participation.ConsultationFormat;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ConsultationOpened;
import de.rathaus.domain.participation.ConsultationPhase;
import de.rathaus.domain.participation.ConsultationResultsPublished;
import de.rathaus.domain.participation.ConsultationRevised;
import de.rathaus.domain.participation.ConsultationVotingStarted;
import de.rathaus.domain.participation.SustainabilityGoal;
import de.rathaus.domain.shared.LocalizedText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConsultationProjectionTest {

  private static final Instant T = Instant.parse("2026-05-01T08:00:00Z");
  private static final LocalizedText SUMMARY = new LocalizedText("Ergebnis", "Result");

  private final InMemoryConsultationViews views = new InMemoryConsultationViews();
  private final ConsultationProjection projection = new ConsultationProjection(views);

  private static ConsultationContent ideas(String field, int opensInDays) {
    return Consultations.content(
        field,
        List.of(SustainabilityGoal.CLIMATE_ACTION),
        ConsultationFormat.IDEAS,
        T.plus(Duration.ofDays(opensInDays)),
        T.plus(Duration.ofDays(opensInDays + 10)),
        T.plus(Duration.ofDays(opensInDays + 20)));
  }

  private ConsultationId drafted(ConsultationContent content) {
    ConsultationId id = ConsultationId.of(UUID.randomUUID());
    projection.on(new ConsultationDrafted(id, content, T), 0);
    return id;
  }

  private ConsultationView found(ConsultationId id) {
    return projection.handle(new FindConsultation(id)).orElseThrow();
  }

  private List<ConsultationId> listed(ListConsultations query) {
    return projection.handle(query).items().stream().map(ConsultationView::id).toList();
  }

  private static ListConsultations publicList() {
    return new ListConsultations(null, null, null, null, false, null, 50);
  }

  @Test
  void aDraftIsSeenOnlyWithDrafts() {
    ConsultationId id = drafted(ideas("mobilitaet", 1));

    assertThat(found(id).phase()).isEqualTo(ConsultationPhase.DRAFT);
    assertThat(listed(publicList())).isEmpty();
    assertThat(
            listed(
                new ListConsultations(null, ConsultationPhase.DRAFT, null, null, false, null, 50)))
        .isEmpty();
    assertThat(listed(new ListConsultations(null, null, null, null, true, null, 50)))
        .containsExactly(id);
  }

  @Test
  void aConsultationRecordsEachPhaseItEnteredWithItsTimeAndTheSummary() {
    ConsultationId id = drafted(ideas("mobilitaet", 1));
    projection.on(new ConsultationOpened(id, T.plusSeconds(1)), 1);
    projection.on(new ConsultationVotingStarted(id, T.plusSeconds(2)), 2);
    projection.on(new ConsultationClosed(id, T.plusSeconds(3)), 3);
    projection.on(new ConsultationResultsPublished(id, SUMMARY, T.plusSeconds(4)), 4);

    ConsultationView view = found(id);
    assertThat(view.phase()).isEqualTo(ConsultationPhase.RESULTS_PUBLISHED);
    assertThat(view.phases())
        .containsExactly(
            new PhaseEntry(ConsultationPhase.OPEN, T.plusSeconds(1)),
            new PhaseEntry(ConsultationPhase.VOTING, T.plusSeconds(2)),
            new PhaseEntry(ConsultationPhase.CLOSED, T.plusSeconds(3)),
            new PhaseEntry(ConsultationPhase.RESULTS_PUBLISHED, T.plusSeconds(4)));
    assertThat(view.summary()).isEqualTo(SUMMARY);
    assertThat(view.nextMoveAt()).isNull();
  }

  @Test
  void aRevisionReplacesTheContent() {
    ConsultationId id = drafted(ideas("mobilitaet", 1));
    projection.on(new ConsultationRevised(id, ideas("bildung", 2)), 1);

    assertThat(found(id).content().actionField()).isEqualTo(new ActionFieldCode("bildung"));
  }

  @Test
  void theNextMoveFollowsThePhase() {
    ConsultationContent content = ideas("mobilitaet", 1);
    ConsultationId id = drafted(content);
    assertThat(found(id).nextMoveAt()).isEqualTo(content.opensAt());
    projection.on(new ConsultationOpened(id, content.opensAt()), 1);
    assertThat(found(id).nextMoveAt()).isEqualTo(content.closesAt());
    projection.on(new ConsultationVotingStarted(id, content.closesAt()), 2);
    assertThat(found(id).nextMoveAt()).isEqualTo(content.votingEndsAt());

    assertThat(views.idsDueBy(content.votingEndsAt().minusSeconds(1))).isEmpty();
    assertThat(views.idsDueBy(content.votingEndsAt())).containsExactly(id);
  }

  @Test
  void theListFiltersByActionFieldPhaseGoalAndFormat() {
    ConsultationId mobility = drafted(ideas("mobilitaet", 1));
    ConsultationId education = drafted(ideas("bildung", 2));
    ConsultationId feedback =
        drafted(
            Consultations.content(
                "mobilitaet",
                List.of(SustainabilityGoal.QUALITY_EDUCATION),
                ConsultationFormat.FEEDBACK,
                T.plus(Duration.ofDays(3)),
                T.plus(Duration.ofDays(9)),
                null));
    for (ConsultationId id : List.of(mobility, education, feedback)) {
      projection.on(new ConsultationOpened(id, T), 1);
    }
    projection.on(new ConsultationClosed(education, T), 2);

    assertThat(listed(publicList())).containsExactly(feedback, education, mobility);
    assertThat(
            listed(
                new ListConsultations(
                    new ActionFieldCode("mobilitaet"), null, null, null, false, null, 50)))
        .containsExactly(feedback, mobility);
    assertThat(
            listed(
                new ListConsultations(null, ConsultationPhase.CLOSED, null, null, false, null, 50)))
        .containsExactly(education);
    assertThat(
            listed(
                new ListConsultations(
                    null, null, SustainabilityGoal.CLIMATE_ACTION, null, false, null, 50)))
        .containsExactly(education, mobility);
    assertThat(
            listed(
                new ListConsultations(
                    null, null, null, ConsultationFormat.FEEDBACK, false, null, 50)))
        .containsExactly(feedback);
  }

  @Test
  void theListIsPaged() {
    List<ConsultationId> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ConsultationId id = drafted(ideas("mobilitaet", i));
      projection.on(new ConsultationOpened(id, T), 1);
      ids.add(0, id);
    }
    List<ConsultationId> walked = new ArrayList<>();
    String cursor = null;
    do {
      ConsultationPage page =
          projection.handle(new ListConsultations(null, null, null, null, false, cursor, 2));
      page.items().forEach(v -> walked.add(v.id()));
      cursor = page.next();
    } while (cursor != null);
    assertThat(walked).isEqualTo(ids);
  }

  @Test
  void aRedeliveredEventChangesNothing() {
    ConsultationId id = drafted(ideas("mobilitaet", 1));
    projection.on(new ConsultationOpened(id, T), 1);
    projection.on(new ConsultationClosed(id, T.plusSeconds(5)), 2);

    projection.on(new ConsultationOpened(id, T), 1);
    projection.on(new ConsultationDrafted(id, ideas("bildung", 1), T), 0);

    assertThat(found(id).phase()).isEqualTo(ConsultationPhase.CLOSED);
    assertThat(found(id).phases()).hasSize(2);
    assertThat(found(id).content().actionField()).isEqualTo(new ActionFieldCode("mobilitaet"));
    assertThat(found(id).sequence()).isEqualTo(2);
  }

  @Test
  void aResetEmptiesTheReadModel() {
    drafted(ideas("mobilitaet", 1));
    projection.reset();
    assertThat(listed(new ListConsultations(null, null, null, null, true, null, 50))).isEmpty();
  }
}
