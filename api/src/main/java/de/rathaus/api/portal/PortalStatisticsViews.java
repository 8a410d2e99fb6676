package de.rathaus.api.portal;

import de.rathaus.api.portal.PortalPublicViews.Bar;
import de.rathaus.api.portal.PortalViews.Localized;
import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.application.catalogue.ServiceView;
import de.rathaus.application.participation.ActionFieldView;
import de.rathaus.application.statistics.BacklogFigures;
import de.rathaus.application.statistics.CaseStatistics;
import de.rathaus.application.statistics.MonthFigures;
import de.rathaus.application.statistics.ParticipationFigures;
import de.rathaus.domain.participation.SustainabilityGoal;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The statistics as the portal's tables show them: every figure as text (a suppressed one as {@code
 * null}, which the page writes out as "suppressed"), and bars whose length only repeats the number
 * written next to it.
 */
final class PortalStatisticsViews {

  private PortalStatisticsViews() {}

  /** One key's figures of one month. */
  record MonthRow(
      Localized name,
      String month,
      Integer submitted,
      Integer decided,
      Integer withdrawn,
      Bar medianDays,
      String p90Days,
      Bar inTime) {}

  /** One key's requests open now. */
  record BacklogRow(Localized name, Integer open, Bar overdue) {}

  /** One scope's participation. */
  record ParticipationRow(
      Localized name,
      int consultations,
      Integer proposals,
      int feedbackItems,
      Integer supports,
      Integer comments,
      Bar answered,
      Bar answeredInTime,
      Integer ratings,
      String averageRating) {}

  static Map<String, Localized> serviceNames(List<ServiceView> services, String language) {
    return services.stream()
        .collect(
            Collectors.toMap(
                ServiceView::code, s -> Localized.of(s.content().name(), language), (a, b) -> a));
  }

  static Map<String, Localized> departmentNames(List<DepartmentView> departments, String language) {
    return departments.stream()
        .collect(
            Collectors.toMap(
                d -> d.code().value(), d -> Localized.of(d.name(), language), (a, b) -> a));
  }

  static Map<String, Localized> actionFieldNames(List<ActionFieldView> fields, String language) {
    return fields.stream()
        .collect(
            Collectors.toMap(
                f -> f.code().value(), f -> Localized.of(f.name(), language), (a, b) -> a));
  }

  private static Localized name(Map<String, Localized> names, String key, String language) {
    Localized name = names.get(key);
    return name == null ? new Localized(key, language) : name;
  }

  static List<MonthRow> months(
      CaseStatistics figures, Map<String, Localized> names, String language) {
    double longest =
        figures.months().stream()
            .map(MonthFigures::medianDays)
            .filter(Objects::nonNull)
            .mapToDouble(BigDecimal::doubleValue)
            .max()
            .orElse(0);
    DateTimeFormatter month =
        DateTimeFormatter.ofPattern("LLLL yyyy", PortalPublicViews.locale(language));
    return figures.months().stream()
        .sorted(
            java.util.Comparator.comparing(MonthFigures::month, java.util.Comparator.reverseOrder())
                .thenComparing(f -> CatalogueSearch.folded(name(names, f.key(), language).text())))
        .map(
            f ->
                new MonthRow(
                    name(names, f.key(), language),
                    month.format(f.month()),
                    f.submitted(),
                    f.decided(),
                    f.withdrawn(),
                    f.medianDays() == null
                        ? null
                        : Bar.of(
                            null,
                            PortalPublicViews.number(f.medianDays().doubleValue(), 1, language),
                            longest == 0 ? 0 : f.medianDays().doubleValue() / longest),
                    f.p90Days() == null
                        ? null
                        : PortalPublicViews.number(f.p90Days().doubleValue(), 1, language),
                    PortalPublicViews.share(f.decidedInTimeShare(), language)))
        .toList();
  }

  static List<BacklogRow> backlog(
      CaseStatistics figures, Map<String, Localized> names, String language) {
    return figures.open().stream()
        .sorted(
            java.util.Comparator.comparing(
                (BacklogFigures f) ->
                    CatalogueSearch.folded(name(names, f.key(), language).text())))
        .map(
            f ->
                new BacklogRow(
                    name(names, f.key(), language),
                    f.open(),
                    f.overdue() == null
                        ? null
                        : Bar.of(
                            null,
                            String.valueOf(f.overdue()),
                            f.open() == null || f.open() == 0
                                ? 0
                                : (double) f.overdue() / f.open())))
        .toList();
  }

  static ParticipationRow participation(ParticipationFigures f, Localized name, String language) {
    return new ParticipationRow(
        name,
        f.consultations(),
        f.proposals(),
        f.feedbackItems(),
        f.supports(),
        f.comments(),
        PortalPublicViews.share(f.answeredShare(), language),
        PortalPublicViews.share(f.answeredInTimeShare(), language),
        f.ratings(),
        f.averageRating() == null
            ? null
            : PortalPublicViews.number(f.averageRating().doubleValue(), 2, language));
  }

  static List<ParticipationRow> byActionField(
      List<ParticipationFigures> figures, Map<String, Localized> names, String language) {
    return figures.stream()
        .map(f -> participation(f, name(names, f.key(), language), language))
        .toList();
  }

  static List<ParticipationRow> byGoal(List<ParticipationFigures> figures, String language) {
    Map<String, SustainabilityGoal> goals =
        java.util.Arrays.stream(SustainabilityGoal.values())
            .collect(Collectors.toMap(g -> String.valueOf(g.number()), Function.identity()));
    return figures.stream()
        .map(
            f -> {
              SustainabilityGoal goal = goals.get(f.key());
              Localized name =
                  goal == null
                      ? new Localized(f.key(), language)
                      : new Localized(
                          goal.number() + " – " + Localized.of(goal.title(), language).text(),
                          Localized.of(goal.title(), language).language());
              return participation(f, name, language);
            })
        .toList();
  }
}
