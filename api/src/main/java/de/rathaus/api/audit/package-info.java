/**
 * The auditors' HTTP resources: the audit trail ({@code GET /api/v1/audit/events}) and an
 * aggregate's history ({@code GET /api/v1/audit/aggregates/{id}/history}).
 */
package de.rathaus.api.audit;
