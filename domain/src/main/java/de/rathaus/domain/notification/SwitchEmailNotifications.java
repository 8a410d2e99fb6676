package de.rathaus.domain.notification;

import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A citizen switches their e-mail notifications on or off. */
public record SwitchEmailNotifications(
    @TargetAggregateIdentifier NotificationPreferenceId id,
    CitizenId citizen,
    boolean on,
    Instant at) {

  public SwitchEmailNotifications {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(citizen, "citizen");
    Objects.requireNonNull(at, "at");
    if (!id.equals(NotificationPreferenceId.of(citizen))) {
      throw new IllegalArgumentException("A citizen switches only their own notifications");
    }
  }

  /** The citizen's own preference switched to {@code on}. */
  public static SwitchEmailNotifications of(CitizenId citizen, boolean on, Instant at) {
    return new SwitchEmailNotifications(NotificationPreferenceId.of(citizen), citizen, on, at);
  }
}
