/**
 * Tamper evidence: the stored history as an append-only Merkle tree in the manner of Certificate
 * Transparency (RFC 9162). Every position of the event store, from the first, is a leaf: the stored
 * event in a canonical form (RFC 8785), or a canonical tombstone for a position that holds none;
 * signed checkpoints (tree heads) fix the tree's root at a size, and inclusion and consistency
 * proofs let anyone check, against a checkpoint alone, that an event is in the history and that a
 * later checkpoint extends an earlier one without rewriting it.
 */
package de.rathaus.application.transparency;
