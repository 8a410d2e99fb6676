package de.rathaus.application.catalogue;

import de.rathaus.application.shared.Versioned;
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
    long sequence)
    implements Versioned<DepartmentView> {

  static DepartmentView created(DepartmentCreated event) {
    return new DepartmentView(event.code(), event.name(), event.contact(), true, 0);
  }

  DepartmentView renamed(LocalizedText newName) {
    return new DepartmentView(code, newName, contact, active, sequence);
  }

  DepartmentView reachableAt(DepartmentContact newContact) {
    return new DepartmentView(code, name, newContact, active, sequence);
  }

  DepartmentView retired() {
    return new DepartmentView(code, name, contact, false, sequence);
  }

  @Override
  public DepartmentView atSequence(long sequence) {
    return new DepartmentView(code, name, contact, active, sequence);
  }
}
