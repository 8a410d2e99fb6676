package de.rathaus.application.shared;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Waits for the answer of a query. A query handler's refusal (a page cursor no page made, a key
 * that is missing) arrives wrapped in the future's {@link CompletionException}; it is thrown as
 * itself, so that it gets its own problem answer instead of a 500.
 */
public final class Answers {

  private Answers() {}

  public static <T> T of(CompletableFuture<T> answer) {
    try {
      return answer.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException refusal) {
        throw refusal;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
