package de.rathaus.api.notification;

import de.rathaus.api.notification.NotificationResources.NotificationSettingsAnswer;
import de.rathaus.api.notification.NotificationResources.NotificationSettingsInput;
import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.application.notification.FindNotificationSetting;
import de.rathaus.application.notification.NotificationOutboxProjection;
import de.rathaus.application.notification.NotificationSetting;
import de.rathaus.domain.notification.SwitchEmailNotifications;
import de.rathaus.domain.shared.CitizenId;
import jakarta.validation.Valid;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A citizen's own notification settings: read them, switch e-mails off and on again. */
@RestController
public class NotificationController {

  static final String PATH = "/api/v1/privacy/me/notifications";

  private final CommandGateway commands;
  private final QueryGateway queries;
  private final ReadYourWrites readYourWrites;
  private final Clock clock;

  public NotificationController(
      CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites, Clock clock) {
    this.commands = commands;
    this.queries = queries;
    this.readYourWrites = readYourWrites;
    this.clock = clock;
  }

  /** Whether the caller gets e-mail notifications (on unless they switched them off). */
  @GetMapping(PATH)
  public NotificationSettingsAnswer settings(Authentication caller) {
    return read(citizen(caller));
  }

  /**
   * Switches the caller's e-mail notifications off ({@code "email": false}: nothing more is sent,
   * and what waits is not sent) or on; the setting in force already records nothing.
   */
  @PutMapping(PATH)
  public NotificationSettingsAnswer change(
      @Valid @RequestBody NotificationSettingsInput input, Authentication caller) {
    CitizenId citizen = citizen(caller);
    readYourWrites.run(
        () ->
            commands.sendAndWait(
                SwitchEmailNotifications.of(citizen, input.email(), clock.instant())),
        NotificationOutboxProjection.NAME);
    return read(citizen);
  }

  private NotificationSettingsAnswer read(CitizenId citizen) {
    NotificationSetting setting =
        queries.query(new FindNotificationSetting(citizen), NotificationSetting.class).join();
    return new NotificationSettingsAnswer(setting.email());
  }

  private static CitizenId citizen(Authentication caller) {
    return new CitizenId(Actor.of(caller).id());
  }
}
