package de.rathaus.domain.catalogue;

import de.rathaus.domain.shared.DepartmentCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator retires a department for good, saying why (for example "merged into the
 * Bürgeramt"). Cases are no longer forwarded to it and no service may name it any more; it stays
 * readable, as past cases and events name it.
 */
public record RetireDepartment(DepartmentCode code, String reason) {

  public RetireDepartment {
    if (code == null) {
      throw new IllegalArgumentException("A department code is required");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("Retiring a department needs a reason");
    }
  }

  @TargetAggregateIdentifier
  public DepartmentId id() {
    return DepartmentId.of(code);
  }
}
