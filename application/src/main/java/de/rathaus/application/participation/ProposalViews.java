package de.rathaus.application.participation;

import de.rathaus.application.shared.Page;
import de.rathaus.application.shared.VersionedViews;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.shared.CitizenId;
import java.util.List;

/** The read model of proposals (keyed by their id); infra keeps it in MongoDB. */
public interface ProposalViews extends VersionedViews<ProposalView> {

  /**
   * A page of a consultation's proposals, newest first (then by id, descending); hidden ones are
   * left out.
   */
  Page<ProposalView> list(ListProposals query);

  /** Every proposal of a consultation, in no particular order (its results). */
  List<ProposalView> all(ConsultationId consultation);

  /** Every proposal a citizen wrote, newest first (what the engine holds about them). */
  List<ProposalView> allBy(CitizenId author);
}
