package de.rathaus.domain.servicerequest;

import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A clerk filed a note on the case; it is for the office only, never shown to the applicant. */
@Revision("1")
public record InternalNoteAdded(ServiceRequestId id, ClerkId author, String text, Instant at) {}
