package de.rathaus.domain.catalogue;

import de.rathaus.domain.shared.DepartmentCode;

/**
 * The id of a department's history in the event store: {@code department:} and its code. Department
 * codes and service codes have the same form, and each service's history is kept under its bare
 * code; the prefix keeps a department {@code steueramt} and a service {@code steueramt} apart.
 */
public record DepartmentId(String value) {

  private static final String PREFIX = "department:";

  public DepartmentId {
    if (value == null || !value.startsWith(PREFIX)) {
      throw new IllegalArgumentException("A department id is department:<department code>");
    }
    new DepartmentCode(value.substring(PREFIX.length()));
  }

  public static DepartmentId of(DepartmentCode code) {
    return new DepartmentId(PREFIX + code.value());
  }

  /** The department's code. */
  public DepartmentCode code() {
    return new DepartmentCode(value.substring(PREFIX.length()));
  }

  @Override
  public String toString() {
    return value;
  }
}
