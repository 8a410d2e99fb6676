package de.rathaus.application.audit;

/**
 * Who caused an event, as its metadata records it: a pseudonymous id (a staff account's name, a
 * citizen's pseudonym, {@code pseudonymous} or {@code system}), the role, and a clerk's department.
 *
 * @param id the actor id, {@code null} if none is recorded
 * @param role the role, {@code null} if none is recorded
 * @param department the department of a clerk, else {@code null}
 */
public record AuditActor(String id, String role, String department) {}
