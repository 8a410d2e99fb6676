package de.rathaus.domain.catalogue;

/** What a citizen does with a service: apply for something, or report an issue at a place. */
public enum ServiceKind {
  /** An application (Antrag) that the office decides, for example a residents' parking permit. */
  REQUEST,
  /** A report of an issue in public space with a location, as in Open311 (a pothole). */
  REPORT
}
