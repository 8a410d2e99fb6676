/**
 * Online requests and their processing: a citizen's application (Antrag) or report becomes a case
 * (Vorgang) with a case number (Aktenzeichen) that a department works on and decides (Bescheid).
 *
 * <p>Lifecycle of {@link de.rathaus.domain.servicerequest.ServiceRequest}, and the status each
 * event leaves the case in (read models derive the status the same way):
 *
 * <ul>
 *   <li>{@code ServiceRequestSubmitted} → {@code SUBMITTED};
 *   <li>{@code CaseAssigned} → {@code IN_PROGRESS} when it was {@code SUBMITTED}, else unchanged;
 *   <li>{@code CaseForwarded} → status unchanged, no assignee, other department;
 *   <li>{@code InformationRequested} → {@code WAITING_FOR_APPLICANT}, the deadline clock pauses;
 *   <li>{@code InformationRequestAnswered}, {@code InformationRequestCancelled} → {@code
 *       IN_PROGRESS}, the due date moves to the {@code newDueDate} the event carries;
 *   <li>{@code CaseDecided} → {@code DECIDED}; {@code CaseClosed} → {@code CLOSED}; {@code
 *       ServiceRequestWithdrawn} → {@code WITHDRAWN};
 *   <li>{@code InternalNoteAdded}, {@code CaseBecameOverdue} → status unchanged.
 * </ul>
 *
 * <p>Personal data (the applicant's contact, the description, the applicant's answers and
 * withdrawal reason) travel as plain {@code String} components for now; they never appear in {@code
 * toString()} or in exception messages.
 */
package de.rathaus.domain.servicerequest;
