package de.rathaus.api.statistics;

import de.rathaus.api.shared.NotFound;
import de.rathaus.api.statistics.StatisticsResources.DepartmentBacklogRow;
import de.rathaus.api.statistics.StatisticsResources.DepartmentMonthRow;
import de.rathaus.api.statistics.StatisticsResources.OpenDataCatalogue;
import de.rathaus.api.statistics.StatisticsResources.OpenDataDistribution;
import de.rathaus.api.statistics.StatisticsResources.OpenDataPublisher;
import de.rathaus.api.statistics.StatisticsResources.OpenDataTemporal;
import de.rathaus.api.statistics.StatisticsResources.OpenDataTexts;
import de.rathaus.api.statistics.StatisticsResources.OpenDataset;
import de.rathaus.api.statistics.StatisticsResources.ParticipationRow;
import de.rathaus.api.statistics.StatisticsResources.ServiceBacklogRow;
import de.rathaus.api.statistics.StatisticsResources.ServiceMonthRow;
import de.rathaus.api.statistics.StatisticsResources.ServiceStatisticsAnswer;
import de.rathaus.application.statistics.CaseStatistics;
import de.rathaus.application.statistics.Disclosure;
import de.rathaus.application.statistics.ParticipationStatistics;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Open data: a catalogue of the datasets in the style of DCAT-AP.de, and each dataset as CSV
 * ({@link Csv}). The licence of every dataset is the Datenlizenz Deutschland – Namensnennung 2.0.
 */
@RestController
@RequestMapping("/api/v1/open-data")
public class OpenDataController {

  /** The licence, as DCAT-AP.de names it. */
  static final String LICENSE = "http://dcat-ap.de/def/licenses/dl-by-de/2.0";

  private static final String CONTINUOUS =
      "http://publications.europa.eu/resource/authority/frequency/CONT";

  private final StatisticsReads reads;
  private final String publisher;

  OpenDataController(StatisticsReads reads, OpenDataProperties properties) {
    this.reads = reads;
    this.publisher = properties.publisher();
  }

  /** The datasets: titles and descriptions in German and English, coverage, downloads. */
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @SecurityRequirements
  public OpenDataCatalogue catalogue() {
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    CaseStatistics services = reads.services(StatisticsFilter.of(null, null), null);
    CaseStatistics departments = reads.departments(StatisticsFilter.of(null, null), null);
    ParticipationStatistics participation = reads.participation();
    OpenDataPublisher by = new OpenDataPublisher("foaf:Organization", publisher);
    List<OpenDataset> datasets = new ArrayList<>();
    for (Dataset dataset : Dataset.values()) {
      OpenDataTemporal temporal;
      Instant modified;
      switch (dataset) {
        case SERVICES_MONTHLY, SERVICES_OPEN -> {
          temporal = months(services.firstMonth(), services.lastMonth());
          modified = services.modified();
        }
        case DEPARTMENTS_MONTHLY, DEPARTMENTS_OPEN -> {
          temporal = months(departments.firstMonth(), departments.lastMonth());
          modified = departments.modified();
        }
        default -> {
          temporal = period(participation.since(), participation.modified());
          modified = participation.modified();
        }
      }
      datasets.add(
          new OpenDataset(
              base + "/api/v1/open-data#" + dataset.id,
              "dcat:Dataset",
              dataset.id,
              dataset.title,
              dataset.description,
              dataset.keywords,
              LICENSE,
              by,
              temporal,
              // a date, not the instant: the time of the last case or support counted would tell
              // anyone polling the catalogue when each citizen acted
              modified == null
                  ? null
                  : modified.atZone(java.time.ZoneId.of("Europe/Berlin")).toLocalDate().toString(),
              CONTINUOUS,
              List.of(
                  new OpenDataDistribution(
                      "dcat:Distribution",
                      new OpenDataTexts(
                          dataset.title.de() + " (JSON)", dataset.title.en() + " (JSON)"),
                      "JSON",
                      MediaType.APPLICATION_JSON_VALUE,
                      base + dataset.jsonPath,
                      base + dataset.jsonPath,
                      LICENSE),
                  new OpenDataDistribution(
                      "dcat:Distribution",
                      new OpenDataTexts(
                          dataset.title.de() + " (CSV)", dataset.title.en() + " (CSV)"),
                      "CSV",
                      "text/csv",
                      base + dataset.csvPath(),
                      base + dataset.csvPath(),
                      LICENSE))));
    }
    Map<String, String> context = new LinkedHashMap<>();
    context.put("dcat", "http://www.w3.org/ns/dcat#");
    context.put("dct", "http://purl.org/dc/terms/");
    context.put("foaf", "http://xmlns.com/foaf/0.1/");
    context.put("dcatde", "http://dcat-ap.de/def/dcatde/");
    context.put("title", "dct:title");
    context.put("description", "dct:description");
    context.put("identifier", "dct:identifier");
    context.put("license", "dct:license");
    context.put("publisher", "dct:publisher");
    context.put("temporal", "dct:temporal");
    context.put("modified", "dct:modified");
    context.put("accrualPeriodicity", "dct:accrualPeriodicity");
    context.put("format", "dct:format");
    context.put("keyword", "dcat:keyword");
    context.put("dataset", "dcat:dataset");
    context.put("distribution", "dcat:distribution");
    context.put("accessURL", "dcat:accessURL");
    context.put("downloadURL", "dcat:downloadURL");
    context.put("mediaType", "dcat:mediaType");
    context.put("startDate", "dcat:startDate");
    context.put("endDate", "dcat:endDate");
    context.put("name", "foaf:name");
    return new OpenDataCatalogue(
        context,
        "dcat:Catalog",
        new OpenDataTexts(
            "Offene Daten der Stadtverwaltung", "Open data of the city administration"),
        new OpenDataTexts(
            "Kennzahlen zu Verwaltungsleistungen und Bürgerbeteiligung, aus der Ereignishistorie"
                + " berechnet.",
            "Figures on municipal services and citizen participation, computed from the event"
                + " history."),
        by,
        LICENSE,
        datasets);
  }

  /**
   * One dataset as CSV; the datasets of cases take the filters of their statistics ({@code from},
   * {@code to}, {@code service} or {@code department}). An unknown dataset is 404.
   */
  @GetMapping(value = "/{dataset}.csv", produces = "text/csv")
  @SecurityRequirements
  @ApiResponse(
      responseCode = "200",
      description = "the dataset as CSV (RFC 4180, UTF-8, header row, comma-separated)",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  public ResponseEntity<String> csv(
      @PathVariable String dataset,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String service,
      @RequestParam(required = false) String department) {
    Dataset which = Dataset.byId(dataset).orElseThrow(NotFound::new);
    String body =
        switch (which) {
          case SERVICES_MONTHLY -> servicesMonthly(serviceAnswer(from, to, service));
          case SERVICES_OPEN -> servicesOpen(serviceAnswer(from, to, service));
          case DEPARTMENTS_MONTHLY -> departmentsMonthly(from, to, department);
          case DEPARTMENTS_OPEN -> departmentsOpen(from, to, department);
          case PARTICIPATION -> participation();
        };
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(Csv.MEDIA_TYPE))
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + which.id + ".csv\"")
        .body(body);
  }

  private ServiceStatisticsAnswer serviceAnswer(String from, String to, String service) {
    return reads.serviceAnswer(
        reads.services(StatisticsFilter.of(from, to), StatisticsFilter.service(service)));
  }

  private static String servicesMonthly(ServiceStatisticsAnswer answer) {
    Csv csv =
        new Csv(
            List.of(
                "service",
                "service_name",
                "month",
                "submitted",
                "decided",
                "withdrawn",
                "median_days",
                "p90_days",
                "decided_in_time_share"));
    for (ServiceMonthRow r : answer.months()) {
      csv.row(
          java.util.Arrays.asList(
              r.service(),
              r.serviceName(),
              r.month(),
              r.submitted(),
              r.decided(),
              r.withdrawn(),
              r.medianDays(),
              r.p90Days(),
              r.decidedInTimeShare()));
    }
    return csv.toString();
  }

  private static String servicesOpen(ServiceStatisticsAnswer answer) {
    Csv csv = new Csv(List.of("service", "service_name", "open", "overdue"));
    for (ServiceBacklogRow r : answer.open()) {
      csv.row(java.util.Arrays.asList(r.service(), r.serviceName(), r.open(), r.overdue()));
    }
    return csv.toString();
  }

  private String departmentsMonthly(String from, String to, String department) {
    Csv csv =
        new Csv(
            List.of(
                "department",
                "month",
                "submitted",
                "decided",
                "withdrawn",
                "median_days",
                "p90_days",
                "decided_in_time_share"));
    for (DepartmentMonthRow r : departmentAnswer(from, to, department).months()) {
      csv.row(
          java.util.Arrays.asList(
              r.department(),
              r.month(),
              r.submitted(),
              r.decided(),
              r.withdrawn(),
              r.medianDays(),
              r.p90Days(),
              r.decidedInTimeShare()));
    }
    return csv.toString();
  }

  private String departmentsOpen(String from, String to, String department) {
    Csv csv = new Csv(List.of("department", "open", "overdue"));
    for (DepartmentBacklogRow r : departmentAnswer(from, to, department).open()) {
      csv.row(java.util.Arrays.asList(r.department(), r.open(), r.overdue()));
    }
    return csv.toString();
  }

  private StatisticsResources.DepartmentStatisticsAnswer departmentAnswer(
      String from, String to, String department) {
    return StatisticsReads.departmentAnswer(
        reads.departments(StatisticsFilter.of(from, to), StatisticsFilter.department(department)));
  }

  private String participation() {
    Csv csv =
        new Csv(
            List.of(
                "scope",
                "key",
                "consultations",
                "proposals",
                "feedback_items",
                "supports",
                "comments",
                "answered_share",
                "answered_in_time_share",
                "ratings",
                "average_rating"));
    StatisticsResources.ParticipationStatisticsAnswer answer =
        StatisticsReads.participationAnswer(reads.participation());
    List<ParticipationRow> rows = new ArrayList<>();
    rows.add(answer.overall());
    rows.addAll(answer.actionFields());
    rows.addAll(answer.goals());
    for (ParticipationRow r : rows) {
      csv.row(
          java.util.Arrays.asList(
              r.scope(),
              r.key(),
              r.consultations(),
              r.proposals(),
              r.feedbackItems(),
              r.supports(),
              r.comments(),
              r.answeredShare(),
              r.answeredInTimeShare(),
              r.ratings(),
              r.averageRating()));
    }
    return csv.toString();
  }

  private static OpenDataTemporal months(YearMonth first, YearMonth last) {
    if (first == null) {
      return null;
    }
    return new OpenDataTemporal(
        "dct:PeriodOfTime", first.atDay(1).toString(), last.atEndOfMonth().toString());
  }

  private static OpenDataTemporal period(Instant since, Instant until) {
    if (since == null) {
      return null;
    }
    LocalDate start = since.atZone(Disclosure.BERLIN).toLocalDate();
    LocalDate end = until.atZone(Disclosure.BERLIN).toLocalDate();
    return new OpenDataTemporal("dct:PeriodOfTime", start.toString(), end.toString());
  }
}
