package de.rathaus.api.notification;

import de.rathaus.application.notification.NotificationOutboxProjection;
import de.rathaus.domain.shared.Pseudonymous;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Stamps a command sent for an HTTP call with the caller's language ({@code de} or {@code en}, as
 * the engine answers them: {@code Accept-Language}, German by default) as metadata {@value
 * NotificationOutboxProjection#LANGUAGE}; its events carry it on, and the notifications about a
 * request are written in the language it was submitted in. Commands the engine sends itself carry
 * none, nor do {@link Pseudonymous} ones (a support: nothing more about its sender is recorded). No
 * event's shape changes: an event stored before reads as German.
 */
public class CallersLanguageMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

  @Override
  public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
      List<? extends CommandMessage<?>> messages) {
    String language =
        RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes
            ? ("en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "de")
            : null;
    return (index, command) ->
        language == null || command.getMetaData().containsKey(NotificationOutboxProjection.LANGUAGE)
            ? command
            : command.andMetaData(
                java.util.Map.of(NotificationOutboxProjection.LANGUAGE, language));
  }
}
