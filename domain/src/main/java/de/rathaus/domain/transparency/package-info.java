/**
 * The tamper-evident log's own facts: each signed checkpoint (tree head) is recorded as an event of
 * the log, so that the history itself says when the city fixed which root, and a later checkpoint
 * covers the earlier ones.
 */
package de.rathaus.domain.transparency;
