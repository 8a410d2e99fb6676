package de.rathaus.application.catalogue;

import de.rathaus.domain.catalogue.DepartmentContact;
import de.rathaus.domain.catalogue.DepartmentCreated;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;

/**
 * A department as everyone reads it: active ones are offered for services and forwarding, retired
 * ones stay readable because past cases name them.
 *
 * @param sequence the sequence number of the department's last event applied, so that a redelivered
 *     event changes nothing
 */
public record DepartmentView(
    DepartmentCode code,
    LocalizedText name,
    DepartmentContact contact,
    boolean active,
    long sequence) {

  static DepartmentView created(DepartmentCreated event, long sequence) {
    return new DepartmentView(event.code(), event.name(), event.contact(), true, sequence);
  }

  DepartmentView renamed(LocalizedText newName, long at) {
    return new DepartmentView(code, newName, contact, active, at);
  }

  DepartmentView reachableAt(DepartmentContact newContact, long at) {
    return new DepartmentView(code, name, newContact, active, at);
  }

  DepartmentView retired(long at) {
    return new DepartmentView(code, name, contact, false, at);
  }

  /** Whether the event with this sequence number is in this view already. */
  boolean applied(long eventSequence) {
    return eventSequence <= sequence;
  }
}
