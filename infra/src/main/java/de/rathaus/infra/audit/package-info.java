/** What auditors read, on MongoDB: the stored history read back. */
package de.rathaus.infra.audit;
