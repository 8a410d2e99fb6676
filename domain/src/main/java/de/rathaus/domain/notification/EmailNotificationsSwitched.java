package de.rathaus.domain.notification;

import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A citizen switched their e-mail notifications off ({@code on} false: nothing is sent to them any
 * more, and what was waiting to be sent is not sent) or on again. It carries no personal data.
 */
@Revision("1")
public record EmailNotificationsSwitched(
    NotificationPreferenceId id, @DataSubject CitizenId citizen, boolean on, Instant at) {}
