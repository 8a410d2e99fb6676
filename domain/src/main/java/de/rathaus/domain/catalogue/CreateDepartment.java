package de.rathaus.domain.catalogue;

import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator adds a department (Amt) of the city administration under a code not used before.
 * From then on services may name it as responsible and clerks may forward cases to it.
 */
public record CreateDepartment(DepartmentCode code, LocalizedText name, DepartmentContact contact) {

  public CreateDepartment {
    if (code == null || name == null) {
      throw new IllegalArgumentException("A department needs a code and a name");
    }
    contact = contact == null ? DepartmentContact.none() : contact;
  }

  @TargetAggregateIdentifier
  public DepartmentId id() {
    return DepartmentId.of(code);
  }
}
