/**
 * Tamper evidence over HTTP: the public checkpoints, proofs and the log's key, the auditors'
 * verification of the stored history, the citizens' receipts; and the watch that seals the history
 * and signs checkpoints.
 */
package de.rathaus.api.transparency;
