package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The case went to another department, for the reason given; nobody is assigned there yet. */
@Revision("1")
public record CaseForwarded(
    ServiceRequestId id,
    DepartmentCode fromDepartment,
    DepartmentCode toDepartment,
    String reason,
    Instant at) {}
