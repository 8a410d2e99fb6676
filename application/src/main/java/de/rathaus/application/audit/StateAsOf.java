package de.rathaus.application.audit;

import java.time.Instant;

/**
 * An aggregate's view as it stood at a moment: what its read model held right after the last event
 * of the aggregate at or before that moment.
 *
 * @param aggregateType the aggregate's type ({@code ServiceRequest}, {@code Proposal}, …)
 * @param sequence the sequence number of the last event of the aggregate the view applied
 * @param position the global position of that event
 * @param timestamp when that event was recorded
 * @param view the read model's record: a {@code CaseView} (the clerks' view of a case), {@code
 *     ProposalView}, {@code ConsultationView}, {@code ServiceView}, {@code DepartmentView}, {@code
 *     ActionFieldView}, or an {@link ErasureRecordState}
 */
public record StateAsOf(
    String aggregateId,
    String aggregateType,
    long sequence,
    long position,
    Instant timestamp,
    Object view) {}
