package de.rathaus.application.catalogue;

import de.rathaus.application.shared.VersionedViews;
import java.util.List;

/** The read model of the public catalogue; infra keeps it in MongoDB. */
public interface ServiceViews extends VersionedViews<ServiceView> {

  /** Published services that are not retired, ordered by code. */
  List<ServiceView> listPublished();
}
