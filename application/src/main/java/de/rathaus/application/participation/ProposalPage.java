package de.rathaus.application.participation;

import java.util.List;

/**
 * The answer to {@link ListProposals}: a page of proposals and the cursor of the next page ({@code
 * null} on the last). A record of its own, as a query's answer type must be a class.
 */
public record ProposalPage(List<ProposalView> items, String next) {

  public ProposalPage {
    items = List.copyOf(items);
  }
}
