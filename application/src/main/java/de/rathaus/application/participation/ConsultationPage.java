package de.rathaus.application.participation;

import java.util.List;

/**
 * The answer to {@link ListConsultations}: a page of consultations and the cursor of the next page
 * ({@code null} on the last). A record of its own, as a query's answer type must be a class.
 */
public record ConsultationPage(List<ConsultationView> items, String next) {

  public ConsultationPage {
    items = List.copyOf(items);
  }
}
