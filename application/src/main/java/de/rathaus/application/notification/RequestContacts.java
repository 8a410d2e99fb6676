package de.rathaus.application.notification;

import de.rathaus.application.shared.VersionedViews;
import de.rathaus.domain.shared.CitizenId;
import java.util.Optional;

/** The applicants' contacts per request, as the notifications need them. */
public interface RequestContacts extends VersionedViews<RequestContact> {

  /** The citizen's most recent request that gave an e-mail address. */
  Optional<RequestContact> latestWithAddress(CitizenId citizen);
}
