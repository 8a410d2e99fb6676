package de.rathaus.domain.notification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A citizen's choice whether the city tells them by e-mail when one of their requests is received,
 * asked about, forwarded, decided or overdue, and when the city answers one of their proposals.
 * E-mail notifications are on until the citizen switches them off; asking for what is so already
 * records nothing.
 */
public class NotificationPreference {

  @AggregateIdentifier private NotificationPreferenceId id;
  private boolean on = true;

  /** For Axon, which rebuilds the preference from its events (or makes a new one). */
  protected NotificationPreference() {}

  /** Switches e-mail notifications on or off; the state in force already records nothing. */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(SwitchEmailNotifications command) {
    if (changes(command.on())) {
      apply(
          new EmailNotificationsSwitched(
              command.id(), command.citizen(), command.on(), command.at()));
    }
  }

  /** Whether switching to {@code wanted} changes what is in force (on, for a new citizen). */
  private boolean changes(boolean wanted) {
    return wanted != on;
  }

  @EventSourcingHandler
  void on(EmailNotificationsSwitched event) {
    id = event.id();
    on = event.on();
  }
}
