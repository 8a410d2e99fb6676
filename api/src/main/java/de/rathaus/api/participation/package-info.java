/**
 * E-participation over HTTP: the strategy's action fields (public list and detail, administration)
 * and the UN sustainability goals (public).
 */
package de.rathaus.api.participation;
