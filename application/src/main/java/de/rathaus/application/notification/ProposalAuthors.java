package de.rathaus.application.notification;

import de.rathaus.application.shared.VersionedViews;

/** The authors of proposals, per proposal. */
public interface ProposalAuthors extends VersionedViews<ProposalAuthor> {}
