package de.rathaus.application.servicerequest;

/**
 * A department's work queue, optionally only cases in a status, of an assignee, or overdue ones.
 */
public record ListCases(String department, String status, String assignee, Boolean overdue) {}
