package de.rathaus.application.participation;

import de.rathaus.application.shared.Page;
import de.rathaus.application.shared.VersionedViews;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.shared.CitizenId;
import java.util.List;

/** The read model of proposals (keyed by their id); infra keeps it in MongoDB. */
public interface ProposalViews extends VersionedViews<ProposalView> {

  /**
   * A page of a consultation's proposals, newest first or most supported first (then by id,
   * descending); hidden ones are left out.
   */
  Page<ProposalView> list(ListProposals query);

  /** Every proposal of a consultation, in no particular order (its results). */
  List<ProposalView> all(ConsultationId consultation);

  /** Every proposal a citizen wrote, newest first (what the engine holds about them). */
  List<ProposalView> allBy(CitizenId author);

  /** Every proposal a citizen commented on, hidden comments included (what the engine holds). */
  List<ProposalView> commentedOnBy(CitizenId commenter);

  /**
   * Replaces the record with {@code next} (a change of its tally only) if it is still as {@code
   * previous} was read: at the same sequence and with as many tally events applied. Answers whether
   * it did (false: another writer moved it on meanwhile, read it again).
   */
  boolean replaceTally(ProposalView next, ProposalView previous);
}
