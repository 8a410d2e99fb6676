/** Ids and value objects shared by every feature of the domain. */
package de.rathaus.domain.shared;
