/**
 * What auditors read: the stored history and any aggregate's view as it stood at a moment, built by
 * the read models' own projection code in memory over part of that history.
 */
package de.rathaus.application.audit;
