package de.rathaus.domain.catalogue;

import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import org.axonframework.serialization.Revision;

/** A department got a new name; its code, and so every reference to it, stays. */
@Revision("1")
public record DepartmentRenamed(DepartmentCode code, LocalizedText name) {

  public DepartmentRenamed {
    if (code == null || name == null) {
      throw new IllegalArgumentException("A department code and the new name are required");
    }
  }
}
