/**
 * E-participation on the application side: the read model of the strategy's action fields
 * (projection, queries, port).
 */
package de.rathaus.application.participation;
