/**
 * Public statistics and open data over HTTP: the figures as JSON, the datasets as CSV, and a
 * catalogue of the datasets in the style of DCAT-AP.de.
 */
package de.rathaus.api.statistics;
