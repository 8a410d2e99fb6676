package de.rathaus.domain.notification;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A notification preference's rules, one per test. */
class NotificationPreferenceTest {

  private static final CitizenId ANNA = new CitizenId("anna");
  private static final NotificationPreferenceId ID = NotificationPreferenceId.of(ANNA);
  private static final Instant NOW = Instant.parse("2026-04-02T08:00:00Z");
  private static final Instant LATER = NOW.plusSeconds(60);

  private FixtureConfiguration<NotificationPreference> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(NotificationPreference.class);
  }

  @Test
  void switchesNotificationsOff() {
    fixture
        .givenNoPriorActivity()
        .when(SwitchEmailNotifications.of(ANNA, false, NOW))
        .expectEvents(new EmailNotificationsSwitched(ID, ANNA, false, NOW));
  }

  @Test
  void notificationsAreOnUntilSwitchedOff() {
    fixture
        .givenNoPriorActivity()
        .when(SwitchEmailNotifications.of(ANNA, true, NOW))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void switchingOffTwiceRecordsNothing() {
    fixture
        .given(new EmailNotificationsSwitched(ID, ANNA, false, NOW))
        .when(SwitchEmailNotifications.of(ANNA, false, LATER))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void switchesNotificationsOnAgain() {
    fixture
        .given(new EmailNotificationsSwitched(ID, ANNA, false, NOW))
        .when(SwitchEmailNotifications.of(ANNA, true, LATER))
        .expectEvents(new EmailNotificationsSwitched(ID, ANNA, true, LATER));
  }

  @Test
  void aCitizenSwitchesOnlyTheirOwnNotifications() {
    assertThatThrownBy(
            () ->
                new SwitchEmailNotifications(
                    NotificationPreferenceId.of(new CitizenId("ben")), ANNA, false, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
