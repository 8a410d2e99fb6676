package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.PersonalData;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The case went to another department, for the reason given; nobody is assigned there yet. The
 * reason is free text about the applicant's case and counts as their personal data.
 */
@Revision("1")
public record CaseForwarded(
    ServiceRequestId id,
    @DataSubject CitizenId applicant,
    DepartmentCode fromDepartment,
    DepartmentCode toDepartment,
    @PersonalData String reason,
    Instant at) {

  @Override
  public String toString() {
    return "CaseForwarded[id=%s, fromDepartment=%s, toDepartment=%s, at=%s]"
        .formatted(id, fromDepartment, toDepartment, at);
  }
}
