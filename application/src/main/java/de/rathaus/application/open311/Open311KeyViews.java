package de.rathaus.application.open311;

import de.rathaus.application.shared.Page;
import de.rathaus.application.shared.VersionedViews;

/** The read model of Open311 API keys (keyed by their public id); infra keeps it in MongoDB. */
public interface Open311KeyViews extends VersionedViews<Open311KeyView> {

  /**
   * A page of the keys, valid and revoked, oldest issued first; {@code after} is the cursor of the
   * previous page (null for the first).
   */
  Page<Open311KeyView> list(String after, int size);
}
