package de.rathaus.domain.catalogue;

import de.rathaus.domain.shared.DepartmentCode;
import org.axonframework.serialization.Revision;

/** A department's office can now be reached at this e-mail address and phone number. */
@Revision("1")
public record DepartmentContactChanged(DepartmentCode code, DepartmentContact contact) {

  public DepartmentContactChanged {
    if (code == null) {
      throw new IllegalArgumentException("A department code is required");
    }
    contact = contact == null ? DepartmentContact.none() : contact;
  }
}
