package de.rathaus.infra.privacy;

import de.rathaus.application.privacy.PersonalDataKeyMissing;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;

/**
 * What an event processor does when a handler cannot read an event because a key is missing without
 * a recorded erasure: it stops at that event and tries it again later, instead of Axon's default of
 * logging the failure and going on. Going on would leave the read model without that event for
 * good, and a later event could save the view with what was readable; stopping keeps every read
 * model as it was until the key store is restored, and then it catches up by itself. Every other
 * failure is handed to the default handler.
 */
final class MissingKeysHoldProcessing implements ListenerInvocationErrorHandler {

  private final ListenerInvocationErrorHandler others;

  MissingKeysHoldProcessing(ListenerInvocationErrorHandler others) {
    this.others = others;
  }

  @Override
  public void onError(Exception exception, EventMessage<?> event, EventMessageHandler handler)
      throws Exception {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof PersonalDataKeyMissing) {
        throw exception;
      }
    }
    others.onError(exception, event, handler);
  }
}
