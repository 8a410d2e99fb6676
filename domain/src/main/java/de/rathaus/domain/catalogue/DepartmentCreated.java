package de.rathaus.domain.catalogue;

import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import org.axonframework.serialization.Revision;

/** A department was added to the city's reference data; it is active. */
@Revision("1")
public record DepartmentCreated(
    DepartmentCode code, LocalizedText name, DepartmentContact contact) {

  public DepartmentCreated {
    if (code == null || name == null) {
      throw new IllegalArgumentException("A department needs a code and a name");
    }
    contact = contact == null ? DepartmentContact.none() : contact;
  }
}
