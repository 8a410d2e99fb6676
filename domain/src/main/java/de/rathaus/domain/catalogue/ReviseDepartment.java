package de.rathaus.domain.catalogue;

import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator saves a department's name and contact as they are now, for example after the
 * office was renamed or got a new shared mailbox. The code stays: cases and services refer to it.
 */
public record ReviseDepartment(DepartmentCode code, LocalizedText name, DepartmentContact contact) {

  public ReviseDepartment {
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
