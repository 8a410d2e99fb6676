/**
 * E-participation's read models kept in MongoDB: the action fields, the consultations and the
 * proposals.
 */
package de.rathaus.infra.participation;
