package de.rathaus.domain.catalogue;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.rathaus.domain.catalogue.DepartmentRuleViolation.Code;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A department (Amt) of the city administration as reference data: its code, which services name as
 * responsible and to which clerks forward cases, its name in German and English, and how its office
 * is reached.
 *
 * <p>Lifecycle: an administrator creates a department, which is active; renames it or changes its
 * contact while it is active; and finally retires it. A retired department is never changed again
 * and is not offered any more, but stays readable, as past cases name it.
 */
public class Department {

  @AggregateIdentifier private DepartmentId id;
  private DepartmentCode code;
  private LocalizedText name;
  private DepartmentContact contact;
  private boolean retired;

  /** For Axon, which rebuilds the aggregate from its events. */
  protected Department() {}

  /**
   * Creates an active department. A code already in use is refused by the event store, which
   * accepts only one history per id (the API answers 409).
   */
  @CommandHandler
  public Department(CreateDepartment command) {
    apply(new DepartmentCreated(command.code(), command.name(), command.contact()));
  }

  /**
   * Records what changed: a new name, a new contact, or both. Saving what is recorded already
   * records nothing, so a retried PUT leaves no second event.
   */
  @CommandHandler
  public void handle(ReviseDepartment command) {
    requireNotRetired();
    if (!command.name().equals(name)) {
      apply(new DepartmentRenamed(code, command.name()));
    }
    if (!command.contact().equals(contact)) {
      apply(new DepartmentContactChanged(code, command.contact()));
    }
  }

  @CommandHandler
  public void handle(RetireDepartment command) {
    requireNotRetired();
    apply(new DepartmentRetired(code, command.reason()));
  }

  private void requireNotRetired() {
    if (retired) {
      throw new DepartmentRuleViolation(
          code, Code.ALREADY_RETIRED, "Department " + code + " is retired and cannot change");
    }
  }

  @EventSourcingHandler
  void on(DepartmentCreated event) {
    id = DepartmentId.of(event.code());
    code = event.code();
    name = event.name();
    contact = event.contact();
  }

  @EventSourcingHandler
  void on(DepartmentRenamed event) {
    name = event.name();
  }

  @EventSourcingHandler
  void on(DepartmentContactChanged event) {
    contact = event.contact();
  }

  @EventSourcingHandler
  void on(DepartmentRetired event) {
    retired = true;
  }

  boolean active() {
    return !retired;
  }
}
