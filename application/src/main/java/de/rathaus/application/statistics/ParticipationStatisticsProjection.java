package de.rathaus.application.statistics;

import de.rathaus.application.shared.ViewUpdates;
import de.rathaus.domain.participation.CommentPosted;
import de.rathaus.domain.participation.ConsultationDrafted;
import de.rathaus.domain.participation.ConsultationOpened;
import de.rathaus.domain.participation.ConsultationRevised;
import de.rathaus.domain.participation.FeedbackItemPutUp;
import de.rathaus.domain.participation.ItemRated;
import de.rathaus.domain.participation.ProposalAnswered;
import de.rathaus.domain.participation.ProposalSubmitted;
import de.rathaus.domain.participation.ProposalSupportWithdrawn;
import de.rathaus.domain.participation.ProposalSupported;
import de.rathaus.domain.participation.RatingChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Participation in figures: consultations, proposals, supports, comments, the share of proposals
 * the city answered and answered in time, and the average rating of pilot items — overall, per
 * action field and per sustainability goal. Every record follows one aggregate (a consultation, a
 * proposal or item, a support, a rating) and applies each of its events once, by sequence; the
 * figures are counted when asked. Its read model is {@value #NAME}, version {@value #VERSION}.
 *
 * <p>The answer deadline is judged as {@code ProposalAnswers} judges it: it starts when a
 * proposal's standing supports first reach its threshold (here: replaying its supports' changes in
 * the order of their times), runs for the deadline days, and an answer is in time if the city's
 * first answer came by then.
 */
public class ParticipationStatisticsProjection {

  /** The read model's name: its processor, its rebuilds and its metrics go by it. */
  public static final String NAME = "participation-statistics";

  /** The version of its definition: a changed definition is a new version, rebuilt from history. */
  public static final int VERSION = 1;

  private final ParticipationFacts facts;

  public ParticipationStatisticsProjection(StatisticsStores stores) {
    this.facts = stores.participation(NAME);
  }

  @EventHandler
  void on(ConsultationDrafted e) {
    ViewUpdates.create(
        facts.consultations(), ConsultationFacts.drafted(e.id().value(), e.content()));
  }

  @EventHandler
  void on(ConsultationRevised e, @SequenceNumber long sequence) {
    ViewUpdates.update(facts.consultations(), e.id().value(), sequence, c -> c.about(e.content()));
  }

  @EventHandler
  void on(ConsultationOpened e, @SequenceNumber long sequence) {
    ViewUpdates.update(facts.consultations(), e.id().value(), sequence, c -> c.opened(e.at()));
  }

  @EventHandler
  void on(ProposalSubmitted e) {
    ViewUpdates.create(
        facts.contributions(),
        ContributionFacts.proposal(
            e.id().value(),
            e.consultation().value(),
            e.supportThreshold(),
            e.answerDeadlineDays(),
            e.at()));
  }

  @EventHandler
  void on(FeedbackItemPutUp e) {
    ViewUpdates.create(
        facts.contributions(),
        ContributionFacts.item(e.id().value(), e.consultation().value(), e.at()));
  }

  @EventHandler
  void on(CommentPosted e, @SequenceNumber long sequence) {
    ViewUpdates.update(facts.contributions(), e.id().value(), sequence, c -> c.commented(e.at()));
  }

  @EventHandler
  void on(ProposalAnswered e, @SequenceNumber long sequence) {
    ViewUpdates.update(facts.contributions(), e.id().value(), sequence, c -> c.answered(e.at()));
  }

  @EventHandler
  void on(ProposalSupported e, @SequenceNumber long sequence) {
    ViewUpdates.apply(
        facts.supports(),
        e.id().value(),
        sequence,
        s -> s.orElse(SupportFacts.of(e.id().value(), e.proposal().value())).changed(e.at(), true));
  }

  @EventHandler
  void on(ProposalSupportWithdrawn e, @SequenceNumber long sequence) {
    ViewUpdates.apply(
        facts.supports(),
        e.id().value(),
        sequence,
        s ->
            s.orElse(SupportFacts.of(e.id().value(), e.proposal().value())).changed(e.at(), false));
  }

  @EventHandler
  void on(ItemRated e, @SequenceNumber long sequence) {
    ViewUpdates.apply(
        facts.ratings(),
        e.id().value(),
        sequence,
        r -> new RatingFacts(e.id().value(), e.item().value(), e.stars(), e.at(), sequence));
  }

  @EventHandler
  void on(RatingChanged e, @SequenceNumber long sequence) {
    ViewUpdates.apply(
        facts.ratings(),
        e.id().value(),
        sequence,
        r -> new RatingFacts(e.id().value(), e.item().value(), e.stars(), e.at(), sequence));
  }

  @ResetHandler
  void reset() {
    facts.clear();
  }

  @QueryHandler
  public ParticipationStatistics handle(FindParticipationStatistics query) {
    Map<String, ConsultationFacts> opened = new HashMap<>();
    Instant modified = null;
    Instant since = null;
    for (ConsultationFacts c : facts.consultations().all()) {
      if (c.opened()) {
        opened.put(c.id(), c);
        modified = later(modified, c.openedAt());
        since = since == null || c.openedAt().isBefore(since) ? c.openedAt() : since;
      }
    }
    Map<String, List<SupportFacts>> supportsOf = new HashMap<>();
    for (SupportFacts s : facts.supports().all()) {
      supportsOf.computeIfAbsent(s.proposal(), p -> new ArrayList<>()).add(s);
    }
    Map<String, List<RatingFacts>> ratingsOf = new HashMap<>();
    for (RatingFacts r : facts.ratings().all()) {
      ratingsOf.computeIfAbsent(r.item(), i -> new ArrayList<>()).add(r);
    }
    Tally overall = new Tally(null);
    Map<String, Tally> byField = new TreeMap<>();
    Map<Integer, Tally> byGoal = new TreeMap<>();
    for (ConsultationFacts c : opened.values()) {
      for (Tally t : scopes(c, overall, byField, byGoal)) {
        t.consultations++;
      }
    }
    for (ContributionFacts p : facts.contributions().all()) {
      ConsultationFacts c = opened.get(p.consultation());
      if (c == null) {
        continue;
      }
      List<SupportFacts> supports = supportsOf.getOrDefault(p.id(), List.of());
      List<RatingFacts> ratings = ratingsOf.getOrDefault(p.id(), List.of());
      modified = later(modified, p.changedAt());
      for (SupportFacts s : supports) {
        for (SupportFacts.Change change : s.changes()) {
          modified = later(modified, change.at());
        }
      }
      for (RatingFacts r : ratings) {
        modified = later(modified, r.at());
      }
      Instant due = due(p, supports);
      for (Tally t : scopes(c, overall, byField, byGoal)) {
        t.add(p, supports, ratings, due);
      }
    }
    return new ParticipationStatistics(
        overall.figures(),
        byField.values().stream().map(Tally::figures).toList(),
        byGoal.values().stream().map(Tally::figures).toList(),
        since,
        modified);
  }

  private static List<Tally> scopes(
      ConsultationFacts c, Tally overall, Map<String, Tally> byField, Map<Integer, Tally> byGoal) {
    List<Tally> scopes = new ArrayList<>();
    scopes.add(overall);
    scopes.add(byField.computeIfAbsent(c.actionField(), Tally::new));
    for (int goal : c.goals()) {
      scopes.add(byGoal.computeIfAbsent(goal, g -> new Tally(String.valueOf(g))));
    }
    return scopes;
  }

  /**
   * By when the city must answer {@code p}: its deadline days after its standing supports first
   * reached its threshold; {@code null} if no deadline runs.
   */
  static Instant due(ContributionFacts p, List<SupportFacts> supports) {
    if (p.supportThreshold() == null || p.answerDeadlineDays() == null) {
      return null;
    }
    List<SupportFacts.Change> changes = new ArrayList<>();
    for (SupportFacts s : supports) {
      changes.addAll(s.changes());
    }
    changes.sort(Comparator.comparing(SupportFacts.Change::at));
    long standing = 0;
    for (SupportFacts.Change change : changes) {
      standing += change.standing() ? 1 : -1;
      if (standing >= p.supportThreshold()) {
        return change.at().plus(Duration.ofDays(p.answerDeadlineDays()));
      }
    }
    return null;
  }

  private static Instant later(Instant current, Instant at) {
    return at != null && (current == null || at.isAfter(current)) ? at : current;
  }

  /** What one scope collects before it is published. */
  private static final class Tally {
    final String key;
    int consultations;
    long proposals;
    int items;
    long supports;
    long comments;
    long answered;
    long withDeadline;
    long answeredInTime;
    long ratings;
    long stars;

    Tally(String key) {
      this.key = key;
    }

    void add(
        ContributionFacts p, List<SupportFacts> supports, List<RatingFacts> ratings, Instant due) {
      comments += p.comments();
      if (p.item()) {
        items++;
        this.ratings += ratings.size();
        stars += ratings.stream().mapToLong(RatingFacts::stars).sum();
        return;
      }
      proposals++;
      this.supports += supports.stream().filter(SupportFacts::standing).count();
      if (p.firstAnswerAt() != null) {
        answered++;
      }
      if (due != null) {
        withDeadline++;
        if (p.firstAnswerAt() != null && !p.firstAnswerAt().isAfter(due)) {
          answeredInTime++;
        }
      }
    }

    ParticipationFigures figures() {
      return new ParticipationFigures(
          key,
          consultations,
          Disclosure.count(proposals),
          items,
          Disclosure.count(supports),
          Disclosure.count(comments),
          Disclosure.share(answered, proposals),
          Disclosure.share(answeredInTime, withDeadline),
          Disclosure.count(ratings),
          Disclosure.average(stars, ratings));
    }
  }
}
