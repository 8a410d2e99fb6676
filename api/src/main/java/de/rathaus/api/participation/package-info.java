/**
 * E-participation over HTTP: the strategy's action fields (public list and detail, administration),
 * the UN sustainability goals (public), and the consultations (public but drafts, administration,
 * phase moves) with the phase watch's schedule, and the proposals (public, citizens propose,
 * authors edit).
 */
package de.rathaus.api.participation;
