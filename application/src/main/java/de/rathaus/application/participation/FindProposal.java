package de.rathaus.application.participation;

import de.rathaus.domain.participation.ProposalId;

/** Asks for one proposal by id; answers an empty Optional for an id that names none. */
public record FindProposal(ProposalId id) {

  public FindProposal {
    if (id == null) {
      throw new IllegalArgumentException("A proposal id is required");
    }
  }
}
