package de.rathaus.application.notification;

import de.rathaus.application.shared.Versioned;
import de.rathaus.domain.shared.CitizenId;

/** Who wrote a proposal, and in which language: told when the city answers it. */
public record ProposalAuthor(String id, CitizenId author, MailLanguage language, long sequence)
    implements Versioned<ProposalAuthor> {

  @Override
  public ProposalAuthor atSequence(long sequence) {
    return new ProposalAuthor(id, author, language, sequence);
  }
}
