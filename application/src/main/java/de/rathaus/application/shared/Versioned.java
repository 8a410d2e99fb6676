package de.rathaus.application.shared;

/**
 * A read-model record that knows the last event it applied: the sequence number of that event in
 * its aggregate's stream. A projection applies an event only if its sequence number is higher, so a
 * redelivered event (a replay, a retried batch, a worker that lost its claim) changes nothing, and
 * a command endpoint can wait until the record has reached the events the command produced.
 *
 * @param <V> the record type itself
 */
public interface Versioned<V extends Versioned<V>> {

  /** The aggregate sequence number of the last event applied; the creating event is 0. */
  long sequence();

  /** This record as it is after applying the event with {@code sequence}. */
  V atSequence(long sequence);
}
