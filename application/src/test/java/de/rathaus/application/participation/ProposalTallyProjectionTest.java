package de.rathaus.application.participation;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.FeedbackItemPutUp;
import de.rathaus.domain.participation.ItemRated;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.ProposalSubmitted;
import de.rathaus.domain.participation.ProposalSupportWithdrawn;
import de.rathaus.domain.participation.ProposalSupported;
import de.rathaus.domain.participation.RatingChanged;
import de.rathaus.domain.participation.RatingId;
import de.rathaus.domain.participation.SupportId;
import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

/** The supports and ratings in the proposals' read model: counts, applied once each. */
class ProposalTallyProjectionTest {

  private static final Instant T = Instant.parse("2026-05-01T08:00:00Z");
  private static final ConsultationId CONSULTATION = ConsultationId.of(UUID.randomUUID());
  private static final CitizenId ANNA = new CitizenId("anna");

  private final InMemoryProposalViews views = new InMemoryProposalViews();
  private final ProposalProjection projection = new ProposalProjection(views);
  private long position = 100;

  private ProposalId proposal() {
    ProposalId id = ProposalId.of(UUID.randomUUID());
    projection.on(
        new ProposalSubmitted(id, CONSULTATION, ANNA, "Anna B.", "Bänke", "Mehr Bänke", null, T),
        0);
    return id;
  }

  private ProposalId item() {
    ProposalId id = ProposalId.of(UUID.randomUUID());
    projection.on(
        new FeedbackItemPutUp(id, CONSULTATION, ANNA, "Stadt", "Parkbank", "Solar", null, T), 0);
    return id;
  }

  private static SupportId support(int citizen) {
    return SupportId.of(String.format("%043d", citizen));
  }

  private static TrackingToken at(long position) {
    return new GlobalSequenceTrackingToken(position);
  }

  private TrackingToken next() {
    return at(++position);
  }

  private ProposalTally tally(ProposalId id) {
    return projection.handle(new FindProposal(id)).orElseThrow().tally();
  }

  @Test
  void aSupportCountsOnceEvenIfRedelivered() {
    ProposalId id = proposal();
    ProposalSupported supported = new ProposalSupported(support(1), id, T);
    TrackingToken token = next();
    projection.on(supported, token);
    projection.on(supported, token);
    assertThat(tally(id).supports()).isEqualTo(1);
  }

  @Test
  void aRedeliveredBatchChangesNothing() {
    ProposalId id = proposal();
    List<Runnable> batch = new ArrayList<>();
    TrackingToken first = next();
    TrackingToken second = next();
    TrackingToken third = next();
    batch.add(() -> projection.on(new ProposalSupported(support(1), id, T), first));
    batch.add(() -> projection.on(new ProposalSupported(support(2), id, T), second));
    batch.add(() -> projection.on(new ProposalSupportWithdrawn(support(1), id, T), third));
    batch.forEach(Runnable::run);
    ProposalTally once = tally(id);
    batch.forEach(Runnable::run);
    assertThat(tally(id)).isEqualTo(once);
    assertThat(once.supports()).isEqualTo(1);
  }

  @Test
  void interleavedSupportsAndWithdrawalsOfAHundredCitizensCountAsARecountOfTheHistory() {
    ProposalId id = proposal();
    ProposalId other = proposal();
    Random random = new Random(42);
    Map<Integer, Boolean> standing = new HashMap<>();
    for (int i = 0; i < 2_000; i++) {
      int citizen = random.nextInt(100);
      boolean supports = standing.getOrDefault(citizen, false);
      // only real transitions are events, as the support's history records them
      if (supports) {
        projection.on(new ProposalSupportWithdrawn(support(citizen), id, T), next());
      } else {
        projection.on(new ProposalSupported(support(citizen), id, T), next());
      }
      standing.put(citizen, !supports);
      if (random.nextInt(10) == 0) {
        projection.on(new ProposalSupported(support(citizen), other, T), next());
      }
    }
    long recount = standing.values().stream().filter(s -> s).count();
    assertThat(tally(id).supports()).isEqualTo(recount);
    assertThat(tally(id).ratings()).isNull();
  }

  @Test
  void aSupportWhoseCommitTookLongerThanALaterOnesIsCountedWhenItFillsTheGap() {
    ProposalId id = proposal();
    // position 101 is seen first while 100 is still a gap; then 100 arrives and fills it
    TrackingToken later = GapAwareTrackingToken.newInstance(101, List.of(100L));
    TrackingToken earlier = GapAwareTrackingToken.newInstance(101, List.of());
    projection.on(new ProposalSupported(support(2), id, T), later);
    projection.on(new ProposalSupported(support(1), id, T), earlier);
    assertThat(tally(id).supports()).isEqualTo(2);
    // and each again (a redelivered batch) changes nothing
    projection.on(new ProposalSupported(support(2), id, T), later);
    projection.on(new ProposalSupported(support(1), id, T), earlier);
    assertThat(tally(id).supports()).isEqualTo(2);
  }

  @Test
  void aTallyIsWrittenOnlyOverTheRecordItWasComputedFrom() {
    ProposalId id = proposal();
    ProposalView read = projection.handle(new FindProposal(id)).orElseThrow();
    projection.on(new ProposalSupported(support(1), id, T), next());
    ProposalView stale =
        read.tallied(
            read.tally().supported(new ProposalTally.Mark(1, new java.util.TreeSet<>())), T);
    assertThat(views.replaceTally(stale, read)).isFalse();
    assertThat(tally(id).supports()).isEqualTo(1);
  }

  @Test
  void aSupportDoesNotTouchTheProposalsSequence() {
    ProposalId id = proposal();
    projection.on(new ProposalSupported(support(1), id, T), next());
    assertThat(projection.handle(new FindProposal(id)).orElseThrow().sequence()).isZero();
  }

  @Test
  void aChangedRatingMovesOneRatingFromItsPreviousStars() {
    ProposalId id = item();
    RatingId anna = RatingId.of("a".repeat(43));
    RatingId ben = RatingId.of("b".repeat(43));
    projection.on(new ItemRated(anna, id, 4, T), next());
    projection.on(new ItemRated(ben, id, 5, T), next());
    TrackingToken change = next();
    projection.on(new RatingChanged(anna, id, 2, 4, T), change);
    projection.on(new RatingChanged(anna, id, 2, 4, T), change);
    RatingSummary ratings = tally(id).ratings();
    assertThat(ratings.count()).isEqualTo(2);
    assertThat(ratings.distribution()).containsExactly(0L, 1L, 0L, 0L, 1L);
    assertThat(ratings.average()).isEqualTo(3.5);
  }

  @Test
  void anItemWithoutRatingsHasNoAverage() {
    ProposalId id = item();
    assertThat(tally(id).ratings().average()).isNull();
    assertThat(tally(id).ratings().distribution()).containsExactly(0L, 0L, 0L, 0L, 0L);
  }

  @Test
  void theMostSupportedComeFirstThenByIdAndPagesFollowOneAnother() {
    List<ProposalId> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(proposal());
    }
    for (int i = 0; i < 5; i++) {
      for (int s = 0; s < i % 3; s++) {
        projection.on(new ProposalSupported(support(i * 10 + s), ids.get(i), T), next());
      }
    }
    List<ProposalView> all = new ArrayList<>();
    String after = null;
    do {
      ProposalPage page =
          projection.handle(
              new ListProposals(CONSULTATION, after, 2, ListProposals.Order.SUPPORTS));
      all.addAll(page.items());
      after = page.next();
    } while (after != null);
    assertThat(all).hasSize(5);
    assertThat(all)
        .isSortedAccordingTo(
            (a, b) ->
                a.tally().supports() != b.tally().supports()
                    ? Long.compare(b.tally().supports(), a.tally().supports())
                    : b.id().value().compareTo(a.id().value()));
  }
}
