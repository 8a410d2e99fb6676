/** E-participation's read models kept in MongoDB: the action fields and the consultations. */
package de.rathaus.infra.participation;
