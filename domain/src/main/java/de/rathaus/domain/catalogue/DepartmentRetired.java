package de.rathaus.domain.catalogue;

import de.rathaus.domain.shared.DepartmentCode;
import org.axonframework.serialization.Revision;

/**
 * A department was retired: no case is forwarded to it and no service names it any more.
 *
 * @param reason why the administrator retired it
 */
@Revision("1")
public record DepartmentRetired(DepartmentCode code, String reason) {

  public DepartmentRetired {
    if (code == null) {
      throw new IllegalArgumentException("A department code is required");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("Retiring a department needs a reason");
    }
  }
}
