package de.rathaus.api.portal;

import de.rathaus.application.statistics.CaseStatistics;
import de.rathaus.application.statistics.ParticipationStatistics;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

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

  @GetMapping
  String statistics(Model model) {
    String language = PortalPage.language();
    Map<String, PortalViews.Localized> services =
        PortalStatisticsViews.serviceNames(catalogue.services(), language);
    Map<String, PortalViews.Localized> departments =
        PortalStatisticsViews.departmentNames(catalogue.departments(), language);
    CaseStatistics byService = statistics.services();
    CaseStatistics byDepartment = statistics.departments();
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
    model.addAttribute("datasets", DATASETS);
    return "portal/statistik";
  }
}
