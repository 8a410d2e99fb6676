/**
 * E-participation on the application side: the read models of the strategy's action fields and of
 * the consultations and of the proposals (projections, queries, ports), drafting consultations
 * against known reference data, and the phase watch that moves consultations at their dates.
 */
package de.rathaus.application.participation;
