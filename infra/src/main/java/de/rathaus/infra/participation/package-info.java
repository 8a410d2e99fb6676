/** E-participation's read models kept in MongoDB. */
package de.rathaus.infra.participation;
