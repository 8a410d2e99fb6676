package de.rathaus.application.participation;

import de.rathaus.application.shared.Page;
import de.rathaus.application.shared.VersionedViews;
import de.rathaus.domain.participation.ConsultationId;
import java.time.Instant;
import java.util.List;

/** The read model of consultations (keyed by their id); infra keeps it in MongoDB. */
public interface ConsultationViews extends VersionedViews<ConsultationView> {

  /**
   * A page of the consultations matching the query, those opening last first (then by id,
   * descending).
   */
  Page<ConsultationView> list(ListConsultations query);

  /**
   * The consultations whose next phase move by date ({@link ConsultationView#nextMoveAt()}) is due
   * by {@code now}.
   */
  List<ConsultationId> idsDueBy(Instant now);
}
