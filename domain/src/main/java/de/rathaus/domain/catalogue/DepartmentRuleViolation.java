package de.rathaus.domain.catalogue;

import de.rathaus.domain.shared.DepartmentCode;

/**
 * An administrator asked for a change of a department that its lifecycle does not allow. Nothing
 * was recorded; the code says why, for the API to answer with a problem (409).
 */
public class DepartmentRuleViolation extends RuntimeException {

  /** Which rule of the lifecycle was violated. */
  public enum Code {
    /** The department is retired; a retired department is never changed again. */
    ALREADY_RETIRED
  }

  private final transient DepartmentCode department;
  private final Code code;

  public DepartmentRuleViolation(DepartmentCode department, Code code, String message) {
    super(message);
    this.department = department;
    this.code = code;
  }

  public DepartmentCode department() {
    return department;
  }

  public Code code() {
    return code;
  }
}
