package de.rathaus.application.catalogue;

import java.util.List;
import java.util.Optional;

/** The read model of the public catalogue; infra keeps it in MongoDB. */
public interface ServiceViews {

  void save(ServiceView view);

  Optional<ServiceView> find(String code);

  /** Published services that are not retired, ordered by code. */
  List<ServiceView> listPublished();

  /** Empties the read model before it is rebuilt from the history. */
  void clear();
}
