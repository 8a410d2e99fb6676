package de.rathaus.application.open311;

import de.rathaus.application.shared.VersionedViews;
import de.rathaus.domain.shared.CitizenId;
import java.util.List;
import java.util.Optional;

/** The read model of Open311's public requests; infra keeps it in MongoDB. */
public interface PublicRequests extends VersionedViews<PublicRequestView> {

  /** The request with this case number. */
  Optional<PublicRequestView> byCaseNumber(String caseNumber);

  /** The requests matching {@code query}, newest first, at most {@code query.limit()}. */
  List<PublicRequestView> list(ListPublicRequests query);

  /** The requests whose published description (if any) is {@code subject}'s words. */
  List<PublicRequestView> bySubject(CitizenId subject);
}
