package de.rathaus.application.statistics;

import de.rathaus.application.shared.InMemoryViews;
import de.rathaus.application.shared.Versioned;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The statistics' records in memory: for projection tests and views built on the fly. */
public class InMemoryStatisticsStores implements StatisticsStores {

  private final Map<String, CaseFiguresViews> cases = new ConcurrentHashMap<>();
  private final Map<String, ParticipationFacts> participation = new ConcurrentHashMap<>();

  @Override
  public CaseFiguresViews cases(String readModel) {
    return cases.computeIfAbsent(readModel, name -> new Cases());
  }

  @Override
  public ParticipationFacts participation(String readModel) {
    return participation.computeIfAbsent(readModel, name -> new Participation());
  }

  private static final class Cases extends InMemoryViews<CaseFigures> implements CaseFiguresViews {
    Cases() {
      super(CaseFigures::id);
    }

    @Override
    public List<CaseFigures> all() {
      return all(c -> true, Comparator.comparing(CaseFigures::id));
    }
  }

  private static final class MemoryPart<V extends Versioned<V>> extends InMemoryViews<V>
      implements ParticipationFacts.Part<V> {
    private final Function<V, String> idOf;

    MemoryPart(Function<V, String> idOf) {
      super(idOf);
      this.idOf = idOf;
    }

    @Override
    public List<V> all() {
      return all(v -> true, Comparator.comparing(idOf));
    }
  }

  private static final class Participation implements ParticipationFacts {
    private final Part<ConsultationFacts> consultations = new MemoryPart<>(ConsultationFacts::id);
    private final Part<ContributionFacts> contributions = new MemoryPart<>(ContributionFacts::id);
    private final Part<SupportFacts> supports = new MemoryPart<>(SupportFacts::id);
    private final Part<RatingFacts> ratings = new MemoryPart<>(RatingFacts::id);

    @Override
    public Part<ConsultationFacts> consultations() {
      return consultations;
    }

    @Override
    public Part<ContributionFacts> contributions() {
      return contributions;
    }

    @Override
    public Part<SupportFacts> supports() {
      return supports;
    }

    @Override
    public Part<RatingFacts> ratings() {
      return ratings;
    }
  }
}
