package de.rathaus.api.statistics;

import de.rathaus.api.statistics.StatisticsResources.OpenDataTexts;
import java.util.List;
import java.util.Optional;

/** The datasets the city publishes as open data, each a table with one CSV download. */
enum Dataset {
  SERVICES_MONTHLY(
      "services-monthly",
      "/api/v1/statistics/services",
      new OpenDataTexts("Anträge je Leistung und Monat", "Requests per service and month"),
      new OpenDataTexts(
          "Je Verwaltungsleistung und Kalendermonat (Europe/Berlin): eingegangene, entschiedene und"
              + " zurückgezogene Anträge; Median und 90. Perzentil der Bearbeitungsdauer in Tagen"
              + " ohne die Zeit, in der auf Antworten der Antragstellenden gewartet wurde; Anteil"
              + " fristgerecht entschiedener Anträge. Werte unter 5 sind unterdrückt.",
          "Per municipal service and calendar month (Europe/Berlin): requests submitted, decided"
              + " and withdrawn; median and 90th percentile of the processing time in days,"
              + " without the time spent waiting for the applicant; share decided within the"
              + " deadline. Values below 5 are suppressed."),
      List.of("Verwaltung", "Bearbeitungsdauer", "Anträge")),
  SERVICES_OPEN(
      "services-open",
      "/api/v1/statistics/services",
      new OpenDataTexts("Offene Anträge je Leistung", "Open requests per service"),
      new OpenDataTexts(
          "Je Verwaltungsleistung die derzeit offenen Anträge und davon die überfälligen. Werte"
              + " unter 5 sind unterdrückt.",
          "Per municipal service, the requests open now and of them those overdue. Values below"
              + " 5 are suppressed."),
      List.of("Verwaltung", "Fristen", "Anträge")),
  DEPARTMENTS_MONTHLY(
      "departments-monthly",
      "/api/v1/statistics/departments",
      new OpenDataTexts("Anträge je Amt und Monat", "Requests per department and month"),
      new OpenDataTexts(
          "Je Amt und Kalendermonat (Europe/Berlin) dieselben Kennzahlen wie je Leistung;"
              + " entschiedene Anträge zählen für das Amt, das entschieden hat (nach einer"
              + " Weiterleitung das neue). Werte unter 5 sind unterdrückt.",
          "Per department and calendar month (Europe/Berlin) the same figures as per service;"
              + " decided requests count for the department that decided them (after a"
              + " forwarding, the new one). Values below 5 are suppressed."),
      List.of("Verwaltung", "Bearbeitungsdauer", "Ämter")),
  DEPARTMENTS_OPEN(
      "departments-open",
      "/api/v1/statistics/departments",
      new OpenDataTexts("Offene Anträge je Amt", "Open requests per department"),
      new OpenDataTexts(
          "Je Amt die derzeit offenen Anträge und davon die überfälligen. Werte unter 5 sind"
              + " unterdrückt.",
          "Per department, the requests open now and of them those overdue. Values below 5 are"
              + " suppressed."),
      List.of("Verwaltung", "Fristen", "Ämter")),
  PARTICIPATION(
      "participation",
      "/api/v1/statistics/participation",
      new OpenDataTexts("Bürgerbeteiligung in Zahlen", "Citizen participation in figures"),
      new OpenDataTexts(
          "Beteiligungsverfahren, Vorschläge, Unterstützungen, Kommentare, Anteil beantworteter"
              + " und fristgerecht beantworteter Vorschläge und mittlere Bewertung der"
              + " Pilotprojekte: insgesamt, je Handlungsfeld und je Nachhaltigkeitsziel. Werte"
              + " unter 5 sind unterdrückt.",
          "Consultations, proposals, supports, comments, the share of proposals answered and"
              + " answered in time, and the average rating of pilot projects: overall, per action"
              + " field and per sustainability goal. Values below 5 are suppressed."),
      List.of("Bürgerbeteiligung", "Smart City", "Nachhaltigkeit"));

  final String id;
  final String jsonPath;
  final OpenDataTexts title;
  final OpenDataTexts description;
  final List<String> keywords;

  Dataset(
      String id,
      String jsonPath,
      OpenDataTexts title,
      OpenDataTexts description,
      List<String> keywords) {
    this.id = id;
    this.jsonPath = jsonPath;
    this.title = title;
    this.description = description;
    this.keywords = keywords;
  }

  static Optional<Dataset> byId(String id) {
    for (Dataset dataset : values()) {
      if (dataset.id.equals(id)) {
        return Optional.of(dataset);
      }
    }
    return Optional.empty();
  }

  String csvPath() {
    return "/api/v1/open-data/" + id + ".csv";
  }
}
