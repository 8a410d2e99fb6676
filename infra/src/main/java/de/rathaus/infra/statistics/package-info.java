/** The statistics' read models on MongoDB. */
package de.rathaus.infra.statistics;
