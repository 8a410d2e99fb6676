package de.rathaus.infra.statistics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import de.rathaus.application.shared.Versioned;
import de.rathaus.application.statistics.CaseFigures;
import de.rathaus.application.statistics.CaseFiguresViews;
import de.rathaus.application.statistics.ConsultationFacts;
import de.rathaus.application.statistics.ContributionFacts;
import de.rathaus.application.statistics.ParticipationFacts;
import de.rathaus.application.statistics.RatingFacts;
import de.rathaus.application.statistics.StatisticsStores;
import de.rathaus.application.statistics.SupportFacts;
import de.rathaus.infra.shared.StoredViews;
import de.rathaus.infra.shared.VersionedJsonViews;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;

/**
 * The statistics' records in MongoDB, on {@link VersionedJsonViews} like every read model: a
 * statistic of cases in the collection named after its read model ({@code service-statistics} →
 * {@code service_statistics}), the participation statistic in four ({@code …_consultations}, {@code
 * …_contributions}, {@code …_supports}, {@code …_ratings}). A statistic reads its whole collection
 * to count, so no query field and no index beyond {@code _id} is needed. Nothing personal is kept.
 */
public class MongoStatisticsStores implements StatisticsStores {

  private final Function<String, MongoDatabase> databases;
  private final ObjectMapper json;

  public MongoStatisticsStores(MongoDatabase database, ObjectMapper json) {
    this(readModel -> database, json);
  }

  /**
   * @param databases the database a read model's collections are taken from, by the read model's
   *     name (the generation of it in use, or one being built)
   */
  public MongoStatisticsStores(Function<String, MongoDatabase> databases, ObjectMapper json) {
    this.databases = databases;
    this.json = json;
  }

  /** The collection of a read model: its name with hyphens as underscores. */
  static String collection(String readModel) {
    return readModel.replace('-', '_');
  }

  @Override
  public CaseFiguresViews cases(String readModel) {
    return new Cases(
        part(
            databases.apply(readModel), collection(readModel), CaseFigures.class, CaseFigures::id));
  }

  @Override
  public ParticipationFacts participation(String readModel) {
    String prefix = collection(readModel) + "_";
    MongoDatabase database = databases.apply(readModel);
    Part<ConsultationFacts> consultations =
        new Part<>(
            part(
                database,
                prefix + "consultations",
                ConsultationFacts.class,
                ConsultationFacts::id));
    Part<ContributionFacts> contributions =
        new Part<>(
            part(
                database,
                prefix + "contributions",
                ContributionFacts.class,
                ContributionFacts::id));
    Part<SupportFacts> supports =
        new Part<>(part(database, prefix + "supports", SupportFacts.class, SupportFacts::id));
    Part<RatingFacts> ratings =
        new Part<>(part(database, prefix + "ratings", RatingFacts.class, RatingFacts::id));
    return new ParticipationFacts() {
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
    };
  }

  private <V extends Versioned<V>> VersionedJsonViews<V> part(
      MongoDatabase database, String collection, Class<V> type, Function<V, String> idOf) {
    return new VersionedJsonViews<>(database, collection, json, type, idOf, v -> new Document());
  }

  private static final class Cases extends StoredViews<CaseFigures> implements CaseFiguresViews {
    Cases(VersionedJsonViews<CaseFigures> views) {
      super(views);
    }

    @Override
    public List<CaseFigures> all() {
      return views.where(Filters.empty(), Sorts.ascending("_id"));
    }
  }

  private static final class Part<V extends Versioned<V>> extends StoredViews<V>
      implements ParticipationFacts.Part<V> {
    Part(VersionedJsonViews<V> views) {
      super(views);
    }

    @Override
    public List<V> all() {
      return views.where(Filters.empty(), Sorts.ascending("_id"));
    }
  }
}
