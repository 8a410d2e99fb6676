/**
 * Public statistics as read models: processing times and deadline compliance per service and per
 * department, and participation figures. Each statistic is a projection with a name and a version
 * of its own; what a cell may show (no cell singles out a person) is decided in {@link Disclosure}.
 */
package de.rathaus.application.statistics;
