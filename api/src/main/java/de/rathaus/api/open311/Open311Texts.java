package de.rathaus.api.open311;

import de.rathaus.domain.servicerequest.RequestStatus;

/**
 * The city's own texts that Open311 shows: a status note per status of a request ({@code
 * status_notes}), never a clerk's note or a decision's reasoning, and the service notice of a
 * submission. German, English where the caller asks for it ({@code Accept-Language}).
 */
final class Open311Texts {

  private Open311Texts() {}

  static String statusNote(RequestStatus status, String language) {
    boolean en = "en".equals(language);
    return switch (status) {
      case SUBMITTED ->
          en ? "Received by the department in charge." : "Beim zuständigen Amt eingegangen.";
      case IN_PROGRESS -> en ? "Being worked on." : "In Bearbeitung.";
      case WAITING_FOR_APPLICANT ->
          en
              ? "The department asked the sender a question and waits for the answer."
              : "Das Amt hat eine Rückfrage gestellt und wartet auf die Antwort.";
      case DECIDED ->
          en ? "Dealt with: the department has decided." : "Erledigt: das Amt hat entschieden.";
      case CLOSED -> en ? "Dealt with and closed." : "Erledigt und abgeschlossen.";
      case WITHDRAWN ->
          en ? "Withdrawn by the sender." : "Von der einreichenden Person zurückgezogen.";
      case OBJECTION_PENDING ->
          en
              ? "An objection to the decision is being decided."
              : "Ein Widerspruch wird entschieden.";
    };
  }

  static String serviceNotice(int processingDays, String language) {
    return "en".equals(language)
        ? "Received. The department aims to deal with it within " + processingDays + " days."
        : "Eingegangen. Das Amt bearbeitet es in der Regel binnen " + processingDays + " Tagen.";
  }
}
