package de.rathaus.application.notification;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.notification.EmailNotificationsSwitched;
import de.rathaus.domain.notification.NotificationPreferenceId;
import de.rathaus.domain.participation.AnswerStatus;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ProposalAnswered;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.ProposalSubmitted;
import de.rathaus.domain.privacy.ErasureGround;
import de.rathaus.domain.privacy.ErasureReason;
import de.rathaus.domain.privacy.ErasureRecordId;
import de.rathaus.domain.privacy.PersonalDataErased;
import de.rathaus.domain.servicerequest.CaseForwarded;
import de.rathaus.domain.servicerequest.ObjectionDecided;
import de.rathaus.domain.servicerequest.ObjectionOutcome;
import de.rathaus.domain.servicerequest.RequestKind;
import de.rathaus.domain.servicerequest.ServiceRequestSubmitted;
import de.rathaus.domain.shared.CaseNumber;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceCode;
import de.rathaus.domain.shared.ServiceRequestId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.Test;

/** What the outbox's processor writes, one rule per test. */
class NotificationOutboxProjectionTest {

  private static final Instant NOW = Instant.parse("2026-04-02T08:00:00Z");
  private static final CitizenId ANNA = new CitizenId("anna");
  private static final ServiceRequestId REQUEST =
      new ServiceRequestId(UUID.randomUUID().toString());

  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final InMemoryNotificationRecords.Contacts contacts =
      new InMemoryNotificationRecords.Contacts();
  private final InMemoryNotificationRecords.Settings settings =
      new InMemoryNotificationRecords.Settings();
  private final NotificationOutboxProjection projection =
      new NotificationOutboxProjection(
          outbox,
          contacts,
          new InMemoryNotificationRecords.Authors(),
          settings,
          Clock.fixed(NOW, ZoneOffset.UTC),
          Duration.ofDays(2));

  private static ServiceRequestSubmitted submitted(String email) {
    return new ServiceRequestSubmitted(
        REQUEST,
        new CaseNumber("HN-2026-000123"),
        ANNA,
        new ServiceCode("meldebescheinigung"),
        1,
        new DepartmentCode("buergeramt"),
        RequestKind.REQUEST,
        Map.of(),
        "Beschreibung",
        null,
        null,
        "Anna Beispiel",
        email,
        null,
        null,
        14,
        NOW,
        NOW.plus(Duration.ofDays(14)));
  }

  private static EventMessage<?> message(Object payload, Instant at, String language) {
    Map<String, Object> meta = language == null ? Map.of() : Map.of("language", language);
    return new GenericEventMessage<>(UUID.randomUUID().toString(), payload, meta, at);
  }

  private void submit(EventMessage<?> message, ReplayStatus replay) {
    projection.on(
        (ServiceRequestSubmitted) message.getPayload(),
        0,
        (String) message.getMetaData().get("language"),
        message,
        replay);
  }

  @Test
  void writesOneMessageKeyedByTheEventsIdInGermanByDefault() {
    EventMessage<?> event = message(submitted("anna@example.org"), NOW, null);
    submit(event, ReplayStatus.REGULAR);
    assertThat(outbox.all())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.id()).isEqualTo(event.getIdentifier());
              assertThat(m.status()).isEqualTo(DeliveryStatus.PENDING);
              assertThat(m.mail().to()).isEqualTo("anna@example.org");
              assertThat(m.mail().subject()).isEqualTo("Ihr Antrag HN-2026-000123 ist eingegangen");
              assertThat(m.mail().text()).contains("16.04.2026").doesNotContain("Beschreibung");
            });
  }

  @Test
  void writesInEnglishForAnApplicantWhoSubmittedInEnglish() {
    submit(message(submitted("anna@example.org"), NOW, "en"), ReplayStatus.REGULAR);
    assertThat(outbox.all().get(0).mail().subject())
        .isEqualTo("Your request HN-2026-000123 was received");
  }

  @Test
  void aRedeliveredEventWritesNoSecondMessage() {
    EventMessage<?> event = message(submitted("anna@example.org"), NOW, null);
    submit(event, ReplayStatus.REGULAR);
    submit(event, ReplayStatus.REGULAR);
    assertThat(outbox.all()).hasSize(1);
  }

  @Test
  void writesNothingWhileItsProcessorReplays() {
    submit(message(submitted("anna@example.org"), NOW, null), ReplayStatus.REPLAY);
    assertThat(outbox.all()).isEmpty();
    assertThat(contacts.find(REQUEST.value())).as("the contact is kept all the same").isPresent();
  }

  @Test
  void writesNothingForAnEventOlderThanItsMaximumAge() {
    submit(
        message(submitted("anna@example.org"), NOW.minus(Duration.ofDays(3)), null),
        ReplayStatus.REGULAR);
    assertThat(outbox.all()).isEmpty();
  }

  @Test
  void writesNothingForARequestWithoutAnAddress() {
    submit(message(submitted(null), NOW, null), ReplayStatus.REGULAR);
    assertThat(outbox.all()).isEmpty();
  }

  @Test
  void writesNothingForACitizenWhoSwitchedNotificationsOff() {
    projection.on(
        new EmailNotificationsSwitched(NotificationPreferenceId.of(ANNA), ANNA, false, NOW), 0);
    submit(message(submitted("anna@example.org"), NOW, null), ReplayStatus.REGULAR);
    assertThat(outbox.all()).isEmpty();
  }

  @Test
  void switchingOffCancelsWhatWaits() {
    submit(message(submitted("anna@example.org"), NOW, null), ReplayStatus.REGULAR);
    projection.on(
        new EmailNotificationsSwitched(NotificationPreferenceId.of(ANNA), ANNA, false, NOW), 0);
    assertThat(outbox.all())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.status()).isEqualTo(DeliveryStatus.CANCELLED);
              assertThat(m.mail()).isNull();
            });
  }

  @Test
  void anErasureEndsWhatWaitsForTheCitizen() {
    submit(message(submitted("anna@example.org"), NOW, null), ReplayStatus.REGULAR);
    projection.on(
        new PersonalDataErased(
            ErasureRecordId.of(ANNA),
            UUID.randomUUID().toString(),
            ANNA,
            ErasureGround.REQUEST,
            ErasureReason.CONSENT_WITHDRAWN,
            null,
            "ada",
            "k1",
            NOW));
    assertThat(outbox.all().get(0).status()).isEqualTo(DeliveryStatus.ERASED);
  }

  @Test
  void theDecisionOnAnObjectionIsToldWithItsOutcomeAndWithoutItsReasoning() {
    submit(message(submitted("anna@example.org"), NOW, null), ReplayStatus.REGULAR);
    projection.on(
        new ObjectionDecided(
            REQUEST, ANNA, ObjectionOutcome.OBJECTION_UPHELD, "Die Frist war zu kurz", NOW),
        message(new Object(), NOW, null),
        ReplayStatus.REGULAR);
    OutboxMessage decided =
        outbox.all().stream()
            .filter(m -> m.kind() == NotificationKind.OBJECTION_DECIDED)
            .findFirst()
            .orElseThrow();
    assertThat(decided.mail().to()).isEqualTo("anna@example.org");
    assertThat(decided.mail().subject()).contains("HN-2026-000123").contains("Widerspruch");
    assertThat(decided.mail().text()).contains("stattgegeben").doesNotContain("Frist war zu kurz");
  }

  @Test
  void aForwardingNamesTheDepartmentAndNeitherClerkNorReason() {
    submit(message(submitted("anna@example.org"), NOW, null), ReplayStatus.REGULAR);
    projection.on(
        new CaseForwarded(
            REQUEST,
            ANNA,
            new DepartmentCode("buergeramt"),
            new DepartmentCode("ordnungsamt"),
            "Clara meint: nicht unsere Sache",
            NOW),
        message(new Object(), NOW, null),
        ReplayStatus.REGULAR);
    OutboxMessage forwarded =
        outbox.all().stream().filter(m -> m.kind() == NotificationKind.FORWARDED).findFirst().get();
    assertThat(forwarded.mail().text())
        .contains("ordnungsamt")
        .doesNotContain("Clara")
        .doesNotContain("nicht unsere Sache");
  }

  @Test
  void theCitysAnswerGoesToTheAuthorAtTheAddressOfTheirLatestRequest() {
    submit(message(submitted("anna@example.org"), NOW, null), ReplayStatus.REGULAR);
    ProposalId proposal = ProposalId.of(UUID.randomUUID());
    projection.on(
        new ProposalSubmitted(
            proposal,
            ConsultationId.of(UUID.randomUUID()),
            ANNA,
            "Anna B.",
            "Bänke",
            "Mehr Bänke",
            null,
            NOW),
        0,
        "en");
    projection.on(
        new ProposalAnswered(
            proposal,
            ConsultationId.of(UUID.randomUUID()),
            AnswerStatus.ACCEPTED,
            new de.rathaus.domain.participation.AnswerReasoning("Gut so.", "Gut."),
            NOW),
        message(new Object(), NOW, null),
        ReplayStatus.REGULAR);
    OutboxMessage answered =
        outbox.all().stream()
            .filter(m -> m.kind() == NotificationKind.PROPOSAL_ANSWERED)
            .findFirst()
            .get();
    assertThat(answered.recipient()).isEqualTo(ANNA);
    assertThat(answered.mail().to()).isEqualTo("anna@example.org");
    assertThat(answered.mail().subject()).isEqualTo("The city answered your proposal");
    // the author reads English: the city's English text, not the German one
    assertThat(answered.mail().text())
        .contains("accepted")
        .contains("Gut.")
        .doesNotContain("Gut so.");
  }
}
