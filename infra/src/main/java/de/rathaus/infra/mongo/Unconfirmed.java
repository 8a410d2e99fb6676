package de.rathaus.infra.mongo;

import com.mongodb.MongoWriteConcernException;
import de.rathaus.application.shared.OutcomeUnknown;
import java.util.function.Supplier;

/**
 * A write the database applied, or may have applied, but did not confirm in time (the write concern
 * timed out: see {@link MongoStorageAutoConfiguration#boundedMajority}) is an unknown outcome, not
 * a failure: the caller is told so (503, with what a retry means) instead of getting a 500.
 */
public final class Unconfirmed {

  private Unconfirmed() {}

  /** Runs {@code write}; a write concern that timed out becomes {@link OutcomeUnknown}. */
  public static <T> T unknownIfUnconfirmed(String what, Supplier<T> write) {
    try {
      return write.get();
    } catch (MongoWriteConcernException e) {
      throw new OutcomeUnknown(what + " was sent to the database, but not confirmed in time", e);
    }
  }
}
