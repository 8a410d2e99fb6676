/**
 * What auditors work with: read models rebuilt by name from the whole history (generations and
 * versions of read models).
 */
package de.rathaus.application.audit;
