package de.rathaus.api.portal;

import de.rathaus.application.statistics.CaseStatistics;
import de.rathaus.application.statistics.ParticipationStatistics;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public statistics (no sign-in): processing times and deadline compliance per service and per
 * department, participation overall, per action field and per sustainability goal, as tables with
 * bars that only repeat the figure written next to them; and the open-data downloads the API
 * offers. The figures are those of the API's statistics resources, suppressed below 5 as there.
 */
@Controller
@Hidden
@RequestMapping(PortalController.ROOT + "/statistik")
public class PortalStatisticsController {

  /** The open-data datasets the API publishes ({@code /api/v1/open-data/{id}.csv}). */
  static final List<String> DATASETS =
      List.of(
          "services-monthly",
          "services-open",
          "departments-monthly",
          "departments-open",
          "participation");

  private final PortalStatistics statistics;
  private final PortalCatalogue catalogue;
  private final PortalParticipation participation;
  private final PortalTexts texts;

  public PortalStatisticsController(
      PortalStatistics statistics,
      PortalCatalogue catalogue,
      PortalParticipation participation,
      PortalTexts texts) {
    this.statistics = statistics;
    this.catalogue = catalogue;
    this.participation = participation;
    this.texts = texts;
  }

  @ModelAttribute
  void layout(HttpServletRequest request, Model model) {
    PortalPage.layout(request, model, texts, "statistics");
  }

  /** A month {@code yyyy-MM} of 2000 to 2099, as the API's statistics read it. */
  private static final java.util.regex.Pattern MONTH =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}");

  /** A month field as read: valid or not, and the month (null when left empty). */
  record MonthInput(boolean valid, YearMonth month) {
    static MonthInput of(String value) {
      if (value == null || value.isBlank()) {
        return new MonthInput(true, null);
      }
      try {
        if (MONTH.matcher(value.strip()).matches()) {
          YearMonth month = YearMonth.parse(value.strip());
          if (month.getYear() >= 2000 && month.getYear() <= 2099) {
            return new MonthInput(true, month);
          }
        }
      } catch (java.time.format.DateTimeParseException e) {
        // refused below
      }
      return new MonthInput(false, null);
    }
  }

  /**
   * The statistics, the months from {@code von} to {@code bis} ({@code yyyy-MM}, inclusive, each
   * optional); a month of another form, or {@code bis} before {@code von}, answers 400 with the
   * error next to its field, and nothing is queried.
   */
  @GetMapping
  String statistics(
      @RequestParam(name = "von", required = false) String from,
      @RequestParam(name = "bis", required = false) String to,
      Model model,
      HttpServletResponse response) {
    String language = PortalPage.language();
    MonthInput start = MonthInput.of(from);
    MonthInput end = MonthInput.of(to);
    boolean fromError = !start.valid();
    boolean toBeforeFrom =
        start.month() != null && end.month() != null && end.month().isBefore(start.month());
    boolean toError = !end.valid() || toBeforeFrom;
    model.addAttribute("von", from == null ? "" : from.strip());
    model.addAttribute("bis", to == null ? "" : to.strip());
    model.addAttribute("fromError", fromError);
    model.addAttribute("toError", toError);
    model.addAttribute("toBeforeFrom", toBeforeFrom);
    model.addAttribute("datasets", DATASETS);
    if (fromError || toError) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "portal/statistik";
    }
    Map<String, PortalViews.Localized> services =
        PortalStatisticsViews.serviceNames(catalogue.services(), language);
    Map<String, PortalViews.Localized> departments =
        PortalStatisticsViews.departmentNames(catalogue.departments(), language);
    CaseStatistics byService = statistics.services(start.month(), end.month());
    CaseStatistics byDepartment = statistics.departments(start.month(), end.month());
    ParticipationStatistics figures = statistics.participation();
    model.addAttribute(
        "serviceMonths", PortalStatisticsViews.months(byService, services, language));
    model.addAttribute("serviceOpen", PortalStatisticsViews.backlog(byService, services, language));
    model.addAttribute(
        "departmentMonths", PortalStatisticsViews.months(byDepartment, departments, language));
    model.addAttribute(
        "departmentOpen", PortalStatisticsViews.backlog(byDepartment, departments, language));
    model.addAttribute(
        "overall",
        PortalStatisticsViews.participation(
            figures.overall(), new PortalViews.Localized("", language), language));
    model.addAttribute(
        "byActionField",
        PortalStatisticsViews.byActionField(
            figures.actionFields(),
            PortalStatisticsViews.actionFieldNames(participation.actionFields(), language),
            language));
    model.addAttribute("byGoal", PortalStatisticsViews.byGoal(figures.goals(), language));
    model.addAttribute("figures", true);
    return "portal/statistik";
  }
}
