package de.rathaus.application.servicerequest;

import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceRequestId;

/** One case, answered only if the asking clerk's department handles it now. */
public record FindCase(ServiceRequestId id, DepartmentCode department) {}
