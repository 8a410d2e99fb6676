/**
 * E-participation (Bürgerbeteiligung): the action fields (Handlungsfelder) of the city's strategy,
 * reference data kept as {@link de.rathaus.domain.participation.ActionField}s that an administrator
 * manages; the 17 UN Sustainable Development Goals ({@link
 * de.rathaus.domain.participation.SustainabilityGoal}), a fixed list; and the {@link
 * de.rathaus.domain.participation.Consultation}s filed under both, with their phases; and the
 * citizens' {@link de.rathaus.domain.participation.Proposal}s in them.
 */
package de.rathaus.domain.participation;
