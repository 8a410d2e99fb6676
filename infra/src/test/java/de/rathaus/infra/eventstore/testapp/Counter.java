package de.rathaus.infra.eventstore.testapp;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A counter: the smallest event-sourced aggregate that still has state to compare. */
@Aggregate(snapshotTriggerDefinition = "counterSnapshots")
public class Counter {

  @AggregateIdentifier private String id;
  private int total;

  protected Counter() {}

  @CommandHandler
  public Counter(CounterApi.OpenCounter command) {
    apply(new CounterApi.CounterOpened(command.id()));
  }

  @CommandHandler
  public int handle(CounterApi.Increment command) {
    apply(new CounterApi.Incremented(id, command.by(), total + command.by()));
    return total;
  }

  @CommandHandler
  public int handle(CounterApi.ReadTotal command) {
    return total;
  }

  @EventSourcingHandler
  void on(CounterApi.CounterOpened event) {
    this.id = event.id();
  }

  @EventSourcingHandler
  void on(CounterApi.Incremented event) {
    this.total = event.total();
  }
}
