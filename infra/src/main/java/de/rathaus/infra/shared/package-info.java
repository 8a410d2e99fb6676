/** What the read models of every feature share on MongoDB. */
package de.rathaus.infra.shared;
