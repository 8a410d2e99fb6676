package de.rathaus.domain.participation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.rathaus.domain.participation.ActionFieldRuleViolation.Code;
import de.rathaus.domain.shared.LocalizedText;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * An action field (Handlungsfeld) of the city's strategy as reference data: a theme such as digital
 * administration or mobility under which the city runs its participation processes, with its name
 * and an optional description in German and English.
 *
 * <p>Lifecycle: an administrator creates an action field, which is active; renames it or changes
 * its description while it is active; and finally retires it. A retired action field is never
 * changed again and is no longer offered for new consultations, but stays readable, as past
 * consultations name it.
 */
public class ActionField {

  @AggregateIdentifier private ActionFieldId id;
  private ActionFieldCode code;
  private LocalizedText name;
  private LocalizedText description;
  private boolean retired;

  /** For Axon, which rebuilds the aggregate from its events. */
  protected ActionField() {}

  /**
   * Creates an active action field. A code already in use is refused by the event store, which
   * accepts only one history per id (the API answers 409).
   */
  @CommandHandler
  public ActionField(CreateActionField command) {
    apply(new ActionFieldCreated(command.code(), command.name(), command.description()));
  }

  /**
   * Records what changed: a new name, a new description, or both. Saving what is recorded already
   * records nothing, so a retried PUT leaves no second event.
   */
  @CommandHandler
  public void handle(ReviseActionField command) {
    requireNotRetired();
    if (!command.name().equals(name)) {
      apply(new ActionFieldRenamed(code, command.name()));
    }
    if (!Objects.equals(command.description(), description)) {
      apply(new ActionFieldDescriptionChanged(code, command.description()));
    }
  }

  @CommandHandler
  public void handle(RetireActionField command) {
    requireNotRetired();
    apply(new ActionFieldRetired(code, command.reason()));
  }

  private void requireNotRetired() {
    if (retired) {
      throw new ActionFieldRuleViolation(
          code, Code.ALREADY_RETIRED, "Action field " + code + " is retired and cannot change");
    }
  }

  @EventSourcingHandler
  void on(ActionFieldCreated event) {
    id = ActionFieldId.of(event.code());
    code = event.code();
    name = event.name();
    description = event.description();
  }

  @EventSourcingHandler
  void on(ActionFieldRenamed event) {
    name = event.name();
  }

  @EventSourcingHandler
  void on(ActionFieldDescriptionChanged event) {
    description = event.description();
  }

  @EventSourcingHandler
  void on(ActionFieldRetired event) {
    retired = true;
  }

  boolean active() {
    return !retired;
  }
}
