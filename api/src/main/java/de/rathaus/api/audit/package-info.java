/**
 * The auditors' HTTP resources: the audit trail ({@code GET /api/v1/audit/events}), an aggregate's
 * history ({@code GET /api/v1/audit/aggregates/{id}/history}), its view as of a moment ({@code
 * …/{id}/state}), and the read models by name.
 */
package de.rathaus.api.audit;
