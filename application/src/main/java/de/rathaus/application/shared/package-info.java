/** Ports and helpers shared by every feature of the application layer. */
package de.rathaus.application.shared;
