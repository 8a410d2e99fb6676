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
}
