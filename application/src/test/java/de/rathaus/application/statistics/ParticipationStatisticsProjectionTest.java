package de.rathaus.application.statistics;

import static de.rathaus.application.statistics.Histories.deliver;
import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.participation.ActionFieldCode;
import de.rathaus.domain.participation.AnswerStatus;
import de.rathaus.domain.participation.CommentId;
import de.rathaus.domain.participation.CommentPosted;
import de.rathaus.domain.participation.ConsultationContent;
import de.rathaus.domain.participation.ConsultationDrafted;
import de.rathaus.domain.participation.ConsultationFormat;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ConsultationOpened;
import de.rathaus.domain.participation.FeedbackItemPutUp;
import de.rathaus.domain.participation.ItemRated;
import de.rathaus.domain.participation.ProposalAnswered;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.ProposalSubmitted;
import de.rathaus.domain.participation.ProposalSupportWithdrawn;
import de.rathaus.domain.participation.ProposalSupported;
import de.rathaus.domain.participation.RatingChanged;
import de.rathaus.domain.participation.RatingId;
import de.rathaus.domain.participation.SupportId;
import de.rathaus.domain.participation.SustainabilityGoal;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.LocalizedText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

class ParticipationStatisticsProjectionTest {

  private static final Instant T = Instant.parse("2026-05-04T08:00:00Z");
  private static final CitizenId ANNA = new CitizenId("anna");

  private final ParticipationStatisticsProjection projection =
      new ParticipationStatisticsProjection(new InMemoryStatisticsStores());
  private final List<DomainEventMessage<?>> all = new ArrayList<>();

  private static Instant hours(int h) {
    return T.plus(Duration.ofHours(h));
  }

  private static String pseudonym(int i) {
    return String.format("%043d", i);
  }

  private ConsultationId consultation(ConsultationFormat format, boolean open, int... goals) {
    ConsultationId id = ConsultationId.of(UUID.randomUUID());
    ConsultationContent content =
        new ConsultationContent(
            new LocalizedText("Radwege", null),
            new LocalizedText("Wo?", null),
            new ActionFieldCode("mobilitaet"),
            java.util.Arrays.stream(goals)
                .mapToObj(n -> SustainabilityGoal.numbered(n).orElseThrow())
                .toList(),
            null,
            format,
            T,
            T.plus(Duration.ofDays(30)),
            null,
            format == ConsultationFormat.IDEAS ? 2 : null,
            format == ConsultationFormat.IDEAS ? 7 : null);
    Histories h =
        Histories.of("Consultation", id.value()).then(new ConsultationDrafted(id, content, T));
    if (open) {
      h.then(new ConsultationOpened(id, T));
    }
    add(h);
    return id;
  }

  private void add(Histories history) {
    all.addAll(history.events());
  }

  private ProposalId proposal(ConsultationId consultation, int supports, Instant answeredAt) {
    ProposalId id = ProposalId.of(UUID.randomUUID());
    Histories h =
        Histories.of("Proposal", id.value())
            .then(
                new ProposalSubmitted(
                    id, consultation, ANNA, "Anna", "Bank", "Eine Bank", null, hours(1), 2, 7));
    h.then(
        new CommentPosted(
            id, CommentId.of(UUID.randomUUID()), null, ANNA, "Anna", "gut", hours(2)));
    if (answeredAt != null) {
      h.then(new ProposalAnswered(id, consultation, AnswerStatus.ACCEPTED, "ja", answeredAt));
    }
    add(h);
    for (int s = 0; s < supports; s++) {
      SupportId support = SupportId.of(pseudonym(all.size()));
      add(
          Histories.of("Support", support.value())
              .then(new ProposalSupported(support, id, hours(3 + s))));
    }
    return id;
  }

  private ParticipationStatistics figures() {
    deliver(projection, all);
    return projection.handle(new FindParticipationStatistics());
  }

  @Test
  void everyEventDeliveredTwiceChangesNothing() {
    ConsultationId ideas = consultation(ConsultationFormat.IDEAS, true, 11, 13);
    for (int i = 0; i < 6; i++) {
      proposal(ideas, i % 3, i % 2 == 0 ? hours(100) : null);
    }
    ParticipationStatistics once = figures();

    deliver(projection, all);
    deliver(projection, all.subList(2, 12));

    assertThat(projection.handle(new FindParticipationStatistics())).isEqualTo(once);
    assertThat(once.overall().proposals()).isEqualTo(6);
    assertThat(once.goals()).extracting(ParticipationFigures::key).containsExactly("11", "13");
  }

  @Test
  void anAnswerIsInTimeByTheDeadlineAfterTheSupportsFirstReachedTheThreshold() {
    ConsultationId ideas = consultation(ConsultationFormat.IDEAS, true);
    // threshold 2 reached at hours(4) (the second support): due 7 days later
    Instant due = hours(4).plus(Duration.ofDays(7));
    for (int i = 0; i < 3; i++) {
      proposal(ideas, 2, due); // answered exactly at the deadline: in time
    }
    for (int i = 0; i < 2; i++) {
      proposal(ideas, 2, due.plusSeconds(1)); // late
    }
    // never two at once (one withdrawn before the other came): no duty
    ProposalId withdrawnBelow = proposal(ideas, 1, null);
    SupportId again = SupportId.of(pseudonym(999));
    add(
        Histories.of("Support", again.value())
            .then(new ProposalSupported(again, withdrawnBelow, hours(1).plusSeconds(60)))
            .then(new ProposalSupportWithdrawn(again, withdrawnBelow, hours(2))));

    ParticipationFigures overall = figures().overall();

    assertThat(overall.proposals()).isEqualTo(6);
    assertThat(overall.answeredShare()).isEqualByComparingTo("0.833");
    assertThat(overall.answeredInTimeShare()).isEqualByComparingTo("0.600");
    assertThat(overall.supports()).isEqualTo(11);
  }

  @Test
  void aDraftAndAllInItAreNotCounted() {
    ConsultationId draft = consultation(ConsultationFormat.FEEDBACK, false);
    ProposalId item = ProposalId.of(UUID.randomUUID());
    add(
        Histories.of("Proposal", item.value())
            .then(new FeedbackItemPutUp(item, draft, ANNA, "Stadt", "Sensor", "Test", null, T)));

    ParticipationFigures overall = figures().overall();

    assertThat(overall.consultations()).isZero();
    assertThat(overall.feedbackItems()).isZero();
  }

  @Test
  void anAverageRatingFromFewerThanFiveRatingsIsWithheld() {
    ConsultationId lab = consultation(ConsultationFormat.FEEDBACK, true, 9);
    ProposalId item = ProposalId.of(UUID.randomUUID());
    add(
        Histories.of("Proposal", item.value())
            .then(new FeedbackItemPutUp(item, lab, ANNA, "Stadt", "Sensor", "Test", null, T)));
    for (int i = 0; i < 4; i++) {
      RatingId rating = RatingId.of(pseudonym(i));
      add(Histories.of("Rating", rating.value()).then(new ItemRated(rating, item, 4, hours(i))));
    }
    ParticipationFigures four = figures().overall();
    assertThat(four.ratings()).isNull();
    assertThat(four.averageRating()).isNull();

    RatingId fifth = RatingId.of(pseudonym(4));
    add(
        Histories.of("Rating", fifth.value())
            .then(new ItemRated(fifth, item, 1, hours(5)))
            .then(new RatingChanged(fifth, item, 5, 1, hours(6))));
    ParticipationFigures five = figures().overall();
    assertThat(five.ratings()).isEqualTo(5);
    assertThat(five.averageRating()).isEqualByComparingTo("4.20");
    assertThat(five.feedbackItems()).isEqualTo(1);
  }
}
