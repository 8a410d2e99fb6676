package de.rathaus.application.participation;

import de.rathaus.application.shared.VersionedViews;
import java.util.List;

/** The read model of action fields (keyed by their code); infra keeps it in MongoDB. */
public interface ActionFieldViews extends VersionedViews<ActionFieldView> {

  /** Every action field, active and retired, ordered by code. */
  List<ActionFieldView> list();
}
