package de.rathaus.application.participation;

import de.rathaus.application.shared.Page;
import de.rathaus.application.shared.VersionedViews;

/** The read model of proposals (keyed by their id); infra keeps it in MongoDB. */
public interface ProposalViews extends VersionedViews<ProposalView> {

  /**
   * A page of a consultation's proposals, newest first or most supported first (then by id,
   * descending).
   */
  Page<ProposalView> list(ListProposals query);

  /**
   * Replaces the record with {@code next} (a change of its tally only) if it is still as {@code
   * previous} was read: at the same sequence and with as many tally events applied. Answers whether
   * it did (false: another writer moved it on meanwhile, read it again).
   */
  boolean replaceTally(ProposalView next, ProposalView previous);
}
