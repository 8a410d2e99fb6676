package de.rathaus.api.statistics;

import de.rathaus.api.statistics.StatisticsResources.DepartmentStatisticsAnswer;
import de.rathaus.api.statistics.StatisticsResources.ParticipationStatisticsAnswer;
import de.rathaus.api.statistics.StatisticsResources.ServiceStatisticsAnswer;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public statistics as JSON. CSV is downloaded from the open-data datasets ({@code
 * /api/v1/open-data/{dataset}.csv}); asking these for {@code text/csv} answers 406.
 */
@RestController
@RequestMapping(value = "/api/v1/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
public class StatisticsController {

  private final StatisticsReads reads;

  StatisticsController(StatisticsReads reads) {
    this.reads = reads;
  }

  /**
   * Cases per service and month ({@code from}, {@code to}: months {@code yyyy-MM}, inclusive) and
   * per service open now; {@code service} keeps one.
   */
  @GetMapping("/services")
  @SecurityRequirements
  public ServiceStatisticsAnswer services(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String service) {
    return reads.serviceAnswer(
        reads.services(StatisticsFilter.of(from, to), StatisticsFilter.service(service)));
  }

  /** Cases per department and month, and per department open now; {@code department} keeps one. */
  @GetMapping("/departments")
  @SecurityRequirements
  public DepartmentStatisticsAnswer departments(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String department) {
    return StatisticsReads.departmentAnswer(
        reads.departments(StatisticsFilter.of(from, to), StatisticsFilter.department(department)));
  }

  /** Participation overall, per action field and per sustainability goal. */
  @GetMapping("/participation")
  @SecurityRequirements
  public ParticipationStatisticsAnswer participation() {
    return StatisticsReads.participationAnswer(reads.participation());
  }
}
