/**
 * The tamper-evident log on MongoDB: the sealed Merkle tree's hashes stored as tiles next to the
 * events, sealing, re-hashing for verification, and the history's export.
 */
package de.rathaus.infra.transparency;
