package de.rathaus.api.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import de.rathaus.application.statistics.BacklogFigures;
import de.rathaus.application.statistics.MonthFigures;
import de.rathaus.application.statistics.ParticipationFigures;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The statistics' answers. A withheld cell (a count below 5, or a figure from fewer than 5 cases or
 * items) is written as {@code null}, never left out.
 */
public final class StatisticsResources {

  private StatisticsResources() {}

  /** Cases per service and month, and per service open now. */
  public record ServiceStatisticsAnswer(
      List<ServiceMonthRow> months, List<ServiceBacklogRow> open) {}

  /**
   * One service in one month (Europe/Berlin): submitted, decided and withdrawn in that month;
   * processing days (without waiting for the applicant) and the share decided in time, of the cases
   * decided in that month.
   */
  public record ServiceMonthRow(
      String service,
      @JsonInclude(Include.ALWAYS) String serviceName,
      String month,
      @JsonInclude(Include.ALWAYS) Integer submitted,
      @JsonInclude(Include.ALWAYS) Integer decided,
      @JsonInclude(Include.ALWAYS) Integer withdrawn,
      @JsonInclude(Include.ALWAYS) BigDecimal medianDays,
      @JsonInclude(Include.ALWAYS) BigDecimal p90Days,
      @JsonInclude(Include.ALWAYS) BigDecimal decidedInTimeShare) {

    static ServiceMonthRow of(MonthFigures f, String name) {
      return new ServiceMonthRow(
          f.key(),
          name,
          f.month().toString(),
          f.submitted(),
          f.decided(),
          f.withdrawn(),
          f.medianDays(),
          f.p90Days(),
          f.decidedInTimeShare());
    }
  }

  /** One service's cases open now, and of them those flagged overdue. */
  public record ServiceBacklogRow(
      String service,
      @JsonInclude(Include.ALWAYS) String serviceName,
      @JsonInclude(Include.ALWAYS) Integer open,
      @JsonInclude(Include.ALWAYS) Integer overdue) {

    static ServiceBacklogRow of(BacklogFigures f, String name) {
      return new ServiceBacklogRow(f.key(), name, f.open(), f.overdue());
    }
  }

  /** Cases per department and month, and per department open now. */
  public record DepartmentStatisticsAnswer(
      List<DepartmentMonthRow> months, List<DepartmentBacklogRow> open) {}

  /**
   * One department in one month: submitted to it, and decided or withdrawn while it handled the
   * case, with the same figures as per service.
   */
  public record DepartmentMonthRow(
      String department,
      String month,
      @JsonInclude(Include.ALWAYS) Integer submitted,
      @JsonInclude(Include.ALWAYS) Integer decided,
      @JsonInclude(Include.ALWAYS) Integer withdrawn,
      @JsonInclude(Include.ALWAYS) BigDecimal medianDays,
      @JsonInclude(Include.ALWAYS) BigDecimal p90Days,
      @JsonInclude(Include.ALWAYS) BigDecimal decidedInTimeShare) {

    static DepartmentMonthRow of(MonthFigures f) {
      return new DepartmentMonthRow(
          f.key(),
          f.month().toString(),
          f.submitted(),
          f.decided(),
          f.withdrawn(),
          f.medianDays(),
          f.p90Days(),
          f.decidedInTimeShare());
    }
  }

  /** One department's cases open now, and of them those flagged overdue. */
  public record DepartmentBacklogRow(
      String department,
      @JsonInclude(Include.ALWAYS) Integer open,
      @JsonInclude(Include.ALWAYS) Integer overdue) {

    static DepartmentBacklogRow of(BacklogFigures f) {
      return new DepartmentBacklogRow(f.key(), f.open(), f.overdue());
    }
  }

  /** Participation overall, per action field and per sustainability goal. */
  public record ParticipationStatisticsAnswer(
      ParticipationRow overall,
      List<ParticipationRow> actionFields,
      List<ParticipationRow> goals) {}

  /**
   * Participation in one scope: {@code all}, {@code action-field} (key: its code) or {@code goal}
   * (key: its number).
   */
  public record ParticipationRow(
      String scope,
      @JsonInclude(Include.ALWAYS) String key,
      int consultations,
      @JsonInclude(Include.ALWAYS) Integer proposals,
      int feedbackItems,
      @JsonInclude(Include.ALWAYS) Integer supports,
      @JsonInclude(Include.ALWAYS) Integer comments,
      @JsonInclude(Include.ALWAYS) BigDecimal answeredShare,
      @JsonInclude(Include.ALWAYS) BigDecimal answeredInTimeShare,
      @JsonInclude(Include.ALWAYS) Integer ratings,
      @JsonInclude(Include.ALWAYS) BigDecimal averageRating) {

    static ParticipationRow of(String scope, ParticipationFigures f) {
      return new ParticipationRow(
          scope,
          f.key(),
          f.consultations(),
          f.proposals(),
          f.feedbackItems(),
          f.supports(),
          f.comments(),
          f.answeredShare(),
          f.answeredInTimeShare(),
          f.ratings(),
          f.averageRating());
    }
  }

  /** Text in German and English. */
  public record OpenDataTexts(String de, String en) {}

  /** A catalogue of datasets in the style of DCAT-AP.de (DCAT's terms, as plain JSON-LD). */
  public record OpenDataCatalogue(
      @JsonProperty("@context") Map<String, String> context,
      @JsonProperty("@type") String type,
      OpenDataTexts title,
      OpenDataTexts description,
      OpenDataPublisher publisher,
      String license,
      List<OpenDataset> dataset) {}

  /** Who publishes the data. */
  public record OpenDataPublisher(@JsonProperty("@type") String type, String name) {}

  /**
   * One dataset: what it holds, under which licence, the months it covers and when its data last
   * changed, and where to download it.
   */
  public record OpenDataset(
      @JsonProperty("@id") String id,
      @JsonProperty("@type") String type,
      String identifier,
      OpenDataTexts title,
      OpenDataTexts description,
      List<String> keyword,
      String license,
      OpenDataPublisher publisher,
      @JsonInclude(Include.ALWAYS) OpenDataTemporal temporal,
      @JsonInclude(Include.ALWAYS) String modified,
      String accrualPeriodicity,
      List<OpenDataDistribution> distribution) {}

  /** The period the data covers (dates, inclusive). */
  public record OpenDataTemporal(
      @JsonProperty("@type") String type, String startDate, String endDate) {}

  /** One download of a dataset. */
  public record OpenDataDistribution(
      @JsonProperty("@type") String type,
      OpenDataTexts title,
      String format,
      String mediaType,
      String accessURL,
      String downloadURL,
      String license) {}
}
