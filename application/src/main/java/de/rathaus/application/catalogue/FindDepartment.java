package de.rathaus.application.catalogue;

import de.rathaus.domain.shared.DepartmentCode;

/**
 * Asks for one department by code, active or retired; answers an empty Optional for a code that
 * names none. Whoever needs a department to send something to (forwarding, a service's
 * responsibility) checks {@link DepartmentView#active()}.
 */
public record FindDepartment(DepartmentCode code) {

  public FindDepartment {
    if (code == null) {
      throw new IllegalArgumentException("A department code is required");
    }
  }
}
