package de.rathaus.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.rathaus.api.MovableClock;
import de.rathaus.api.TestClient;
import de.rathaus.application.notification.DeliveryStatus;
import de.rathaus.application.notification.NotificationKind;
import de.rathaus.application.notification.NotificationOutboxProjection;
import de.rathaus.application.notification.Outbox;
import de.rathaus.application.notification.OutboxMessage;
import de.rathaus.domain.shared.CitizenId;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notifications by e-mail through HTTP, with GreenMail on the loopback as the mail server: each
 * event the applicant is told about gives one mail in their language; a forwarding names the
 * department, never the clerk; a proposal's author is told of the city's answer; switched off, no
 * mail; a mail server that is down keeps the message pending with its attempts counted and delivers
 * it once when it is back, with neither address nor text in the engine's log; a replay of the
 * outbox's processor and a rebuild of the other read models send nothing again; a case that becomes
 * overdue is told (last, since moving the clock makes every open case overdue).
 */
@DirtiesContext // its engine's data directory goes with the class: close the engine with it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = MovableClock.Initializer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationsIT {

  @TempDir static java.nio.file.Path dataDir;

  private static final ServerSetup SMTP = new ServerSetup(freePort(), "127.0.0.1", "smtp");
  private static GreenMail mailServer = started();

  private static final Duration BOUND = Duration.ofSeconds(30);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("rathaus.data-dir", () -> dataDir.toString());
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP.getPort());
    registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
    registry.add("spring.mail.properties.mail.smtp.timeout", () -> "2000");
    registry.add("rathaus.notifications.send-interval", () -> "PT0.2S");
    registry.add("rathaus.notifications.first-retry", () -> "PT0.3S");
    registry.add("rathaus.notifications.max-retry", () -> "PT0.5S");
    registry.add("rathaus.notifications.max-attempts", () -> "1000");
    registry.add("rathaus.deadlines.check-interval", () -> "PT0.5S");
  }

  @LocalServerPort int port;
  @Autowired Outbox outbox;
  @Autowired EventProcessingConfiguration processing;
  private TestClient client;

  @BeforeEach
  void client() {
    client = new TestClient(port);
  }

  @AfterAll
  static void stopMailServer() {
    MovableClock.ENGINE.reset();
    mailServer.stop();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static GreenMail started() {
    GreenMail server = new GreenMail(SMTP);
    server.start();
    return server;
  }

  private static String address(String who) {
    return who + "-" + UUID.randomUUID() + "@example.org";
  }

  private static String certificate(String email) {
    return """
        {"serviceCode": "meldebescheinigung",
         "attributes": {"certificate_kind": "simple", "purpose": "Arbeitgeber", "delivery": "post", "copies": 1},
         "description": "Geheime Beschreibung",
         "applicant": {"name": "Anna Beispiel", "email": "%s"}}
        """
        .formatted(email);
  }

  private JsonNode submit(String user, String email, String language) {
    TestClient.Call call = client.post("/api/v1/requests").as(user).json(certificate(email));
    if (language != null) {
      call = call.header("Accept-Language", language);
    }
    return call.expect(201);
  }

  /** The mails the server received for {@code to}. */
  private static List<MimeMessage> mailsTo(String to) {
    List<MimeMessage> mails = new ArrayList<>();
    for (MimeMessage mail : mailServer.getReceivedMessages()) {
      try {
        Address[] recipients = mail.getAllRecipients();
        if (recipients != null
            && Arrays.stream(recipients).anyMatch(a -> a.toString().equals(to))) {
          mails.add(mail);
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return mails;
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Instant until = Instant.now().plus(BOUND);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waiting for %s", what).isBefore(until);
      Thread.sleep(100);
    }
  }

  private static List<MimeMessage> awaitMails(String to, int count) throws InterruptedException {
    await(count + " mails to " + to, () -> mailsTo(to).size() >= count);
    return mailsTo(to);
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(MimeMessage mail) {
    try {
      return mail.getContent().toString();
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(1)
  void theApplicantIsToldOfEachStepOnceInGermanAndAForwardingNamesNoClerk() throws Exception {
    String email = address("anna");
    JsonNode request = submit("anna", email, null);
    String id = request.path("id").asText();
    String caseNumber = request.path("caseNumber").asText();
    List<MimeMessage> mails = awaitMails(email, 1);
    assertThat(subject(mails.get(0))).isEqualTo("Ihr Antrag " + caseNumber + " ist eingegangen");
    assertThat(text(mails.get(0))).doesNotContain("Geheime Beschreibung");

    client
        .post("/api/v1/cases/" + id + "/assignment")
        .as("clara")
        .json("{\"assignee\": \"clara\"}")
        .expect(200);
    client
        .post("/api/v1/cases/" + id + "/information-requests")
        .as("clara")
        .json(
            "{\"question\": \"Für welchen Arbeitgeber genau?\", \"dueDate\": \""
                + LocalDate.now().plusDays(14)
                + "\"}")
        .expect(200);
    mails = awaitMails(email, 2);
    assertThat(subject(mails.get(1))).isEqualTo("Rückfrage zu Ihrem Antrag " + caseNumber);
    assertThat(text(mails.get(1))).doesNotContain("Arbeitgeber genau");
    client
        .post("/api/v1/requests/" + id + "/answers")
        .as("anna")
        .json("{\"text\": \"Firma\"}")
        .expect(200);

    client
        .post("/api/v1/cases/" + id + "/forwarding")
        .as("clara")
        .json("{\"department\": \"ordnungsamt\", \"reason\": \"Interne Notiz zu Frau Beispiel\"}")
        .expect(200);
    mails = awaitMails(email, 3);
    assertThat(subject(mails.get(2)))
        .isEqualTo("Ihr Antrag " + caseNumber + " wurde weitergeleitet");
    assertThat(text(mails.get(2)))
        .contains("ordnungsamt")
        .doesNotContainIgnoringCase("clara")
        .doesNotContain("Interne Notiz");

    client
        .post("/api/v1/cases/" + id + "/assignment")
        .as("carl")
        .json("{\"assignee\": \"carl\"}")
        .expect(200);
    client
        .post("/api/v1/cases/" + id + "/decision")
        .as("carl")
        .json(
            "{\"outcome\": \"APPROVED\", \"reasoning\": \"Alles da\", \"legalBasis\": \"§ 18 BMG\"}")
        .expect(200);
    mails = awaitMails(email, 4);
    assertThat(subject(mails.get(3))).isEqualTo("Ihr Antrag " + caseNumber + " ist entschieden");
    assertThat(text(mails.get(3)))
        .contains("bewilligt")
        .doesNotContain("Alles da")
        .doesNotContainIgnoringCase("carl");

    Thread.sleep(1_000);
    assertThat(mailsTo(email)).as("one mail per event, none twice").hasSize(4);
  }

  @Test
  @Order(2)
  void anApplicantWhoAskedInEnglishIsToldInEnglish() throws Exception {
    String email = address("anna");
    JsonNode request = submit("anna", email, "en");
    List<MimeMessage> mails = awaitMails(email, 1);
    assertThat(subject(mails.get(0)))
        .isEqualTo("Your request " + request.path("caseNumber").asText() + " was received");
    assertThat(text(mails.get(0))).contains("Kind regards");
  }

  @Test
  @Order(3)
  void aCitizenWhoSwitchedNotificationsOffGetsNoMailUntilSwitchedOnAgain() throws Exception {
    assertThat(
            client.get(NotificationController.PATH).as("ben").expect(200).path("email").asBoolean())
        .isTrue();
    JsonNode off =
        client.put(NotificationController.PATH).as("ben").json("{\"email\": false}").expect(200);
    assertThat(off.path("email").asBoolean()).isFalse();
    assertThat(
            client.get(NotificationController.PATH).as("ben").expect(200).path("email").asBoolean())
        .isFalse();
    // switched off again: nothing changes
    client.put(NotificationController.PATH).as("ben").json("{\"email\": false}").expect(200);

    String silent = address("ben");
    submit("ben", silent, null);
    String loud = address("ben");
    JsonNode on =
        client.put(NotificationController.PATH).as("ben").json("{\"email\": true}").expect(200);
    assertThat(on.path("email").asBoolean()).isTrue();
    submit("ben", loud, null);
    awaitMails(loud, 1);
    Thread.sleep(1_000);
    assertThat(mailsTo(silent)).as("submitted while switched off").isEmpty();
  }

  @Test
  @Order(3)
  void badSettingsAreRefusedAndChangeNothing() {
    client.put(NotificationController.PATH).as("anna").json("{\"email\": null}").expect(400);
    client.put(NotificationController.PATH).as("anna").json("{\"email\": \"maybe\"}").expect(400);
    client.put(NotificationController.PATH).as("anna").json("{").expect(400);
    assertThat(
            client
                .get(NotificationController.PATH)
                .as("anna")
                .expect(200)
                .path("email")
                .asBoolean())
        .isTrue();
  }

  @Test
  @Order(4)
  void aProposalsAuthorIsToldWhenTheCityAnswersIt() throws Exception {
    String email = address("anna");
    submit("anna", email, null);
    awaitMails(email, 1);
    Instant opens = Instant.now().plus(Duration.ofDays(1));
    String consultation =
        client
            .post("/api/v1/consultations")
            .as("ada")
            .json(
                """
                {"title": {"de": "Bänke", "en": "Benches"},
                 "description": {"de": "Mehr Bänke", "en": "More benches"},
                 "actionField": "mobilitaet", "sustainabilityGoals": [11], "format": "IDEAS",
                 "opensAt": "%s", "closesAt": "%s"}
                """
                    .formatted(opens, opens.plus(Duration.ofDays(14))))
            .expect(201)
            .path("id")
            .asText();
    client
        .post("/api/v1/consultations/" + consultation + "/phase")
        .as("ada")
        .json("{\"phase\": \"OPEN\"}")
        .expect(200);
    String proposal =
        client
            .post("/api/v1/consultations/" + consultation + "/proposals")
            .as("anna")
            .json("{\"title\": \"Bänke\", \"text\": \"Mehr Bänke\", \"displayName\": \"Anna B.\"}")
            .expect(201)
            .path("id")
            .asText();
    client
        .post("/api/v1/proposals/" + proposal + "/answer")
        .as("ada")
        .json("{\"status\": \"ACCEPTED\", \"reasoning\": \"Wird umgesetzt.\"}")
        .expect(200);
    List<MimeMessage> mails = awaitMails(email, 2);
    assertThat(subject(mails.get(1))).isEqualTo("Die Stadt hat Ihren Vorschlag beantwortet");
    assertThat(text(mails.get(1))).contains("angenommen").contains("Wird umgesetzt.");
  }

  @Test
  @Order(5)
  void
      whileTheMailServerIsDownMessagesWaitAndAreDeliveredOnceWhenItIsBackWithNothingPersonalInTheLog()
          throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    root.addAppender(log);
    String email = address("udo-citizen");
    String caseNumber;
    Instant since = Instant.now();
    try {
      mailServer.stop();
      JsonNode request = submit("anna", email, null);
      caseNumber = request.path("caseNumber").asText();
      await(
          "failed attempts",
          () ->
              submitted(since).filter(m -> m.attempts() >= 3 && m.lastError() != null).isPresent());
      OutboxMessage waiting = submitted(since).orElseThrow();
      assertThat(waiting.status()).isIn(DeliveryStatus.PENDING, DeliveryStatus.SENDING);
      assertThat(waiting.sentAt()).isNull();

      mailServer = started();
      awaitMails(email, 1);
      await(
          "recorded as sent",
          () -> submitted(since).map(m -> m.status() == DeliveryStatus.SENT).orElse(false));
      Thread.sleep(1_500);
      assertThat(mailsTo(email)).as("delivered once").hasSize(1);
      OutboxMessage sent = submitted(since).orElseThrow();
      assertThat(sent.attempts()).isGreaterThanOrEqualTo(4);
      assertThat(sent.sentAt()).isNotNull();
      assertThat(sent.mail()).as("the mail is kept no longer than needed").isNull();
    } finally {
      root.detachAppender(log);
    }
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : log.list) {
      if (event.getLoggerName().startsWith("com.icegreen")) {
        continue; // the test's mail server, not the engine
      }
      lines.add(event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        lines.add(t.getMessage());
      }
    }
    assertThat(lines)
        .as("the engine logged the failed attempts")
        .anyMatch(l -> l != null && l.contains("notification-sender"));
    assertThat(lines)
        .noneMatch(
            l ->
                l != null
                    && (l.contains(email) || l.contains(caseNumber) || l.contains("eingegangen")));
  }

  @Test
  @Order(5)
  void whatWaitsForACitizenWhoseDataIsErasedIsNeverSent() throws Exception {
    String email = address("ben");
    Instant since = Instant.now();
    mailServer.stop();
    try {
      submit("ben", email, null);
      await(
          "a failed attempt",
          () ->
              outbox.of(new CitizenId("ben")).stream()
                  .anyMatch(m -> !m.createdAt().isBefore(since) && m.attempts() >= 1));
      client
          .post("/api/v1/privacy/subjects/ben/erasure")
          .as("ada")
          .json("{\"reason\": \"CONSENT_WITHDRAWN\"}")
          .expect(200);
      await(
          "the message ended unsent",
          () ->
              outbox.of(new CitizenId("ben")).stream()
                  .filter(m -> !m.createdAt().isBefore(since))
                  .allMatch(m -> m.status() == DeliveryStatus.ERASED && m.mail() == null));
    } finally {
      mailServer = started();
    }
    Thread.sleep(1_500);
    assertThat(mailsTo(email)).isEmpty();
  }

  /** The outbox's only message about a submission of anna's since {@code since}. */
  private java.util.Optional<OutboxMessage> submitted(Instant since) {
    List<OutboxMessage> found =
        outbox.of(new CitizenId("anna")).stream()
            .filter(m -> m.kind() == NotificationKind.SUBMITTED)
            .filter(m -> !m.createdAt().isBefore(since))
            .toList();
    assertThat(found).hasSizeLessThanOrEqualTo(1);
    return found.stream().findFirst();
  }

  @Test
  @Order(6)
  void aReplayOfTheOutboxAndARebuildOfTheReadModelsSendNothingAgain() throws Exception {
    String email = address("anna");
    submit("anna", email, null);
    awaitMails(email, 1);
    int mails = mailServer.getReceivedMessages().length;
    int messages = outbox.of(new CitizenId("anna")).size() + outbox.of(new CitizenId("ben")).size();

    StreamingEventProcessor processor =
        processing
            .eventProcessor(NotificationOutboxProjection.NAME, StreamingEventProcessor.class)
            .orElseThrow();
    processor.shutDown();
    processor.resetTokens();
    processor.start();
    await("the replay", () -> processor.isRunning() && !processor.isReplaying());

    client.post("/api/v1/audit/projections/request-views/rebuild").as("udo").expect(202);
    client
        .post("/api/v1/audit/projections/" + NotificationOutboxProjection.NAME + "/rebuild")
        .as("udo")
        .expect(404);
    Thread.sleep(3_000);
    assertThat(mailServer.getReceivedMessages()).hasSize(mails);
    assertThat(outbox.of(new CitizenId("anna")).size() + outbox.of(new CitizenId("ben")).size())
        .isEqualTo(messages);

    // the processor still works after its replay
    String after = address("anna");
    submit("anna", after, null);
    awaitMails(after, 1);
  }

  @Test
  @Order(7)
  void anApplicantIsToldWhenTheirCaseBecomesOverdue() throws Exception {
    String email = address("anna");
    JsonNode request = submit("anna", email, null);
    awaitMails(email, 1);
    MovableClock.ENGINE.advance(Duration.ofDays(400));
    List<MimeMessage> mails = awaitMails(email, 2);
    assertThat(subject(mails.get(1)))
        .isEqualTo("Ihr Antrag " + request.path("caseNumber").asText() + " dauert länger");
    Thread.sleep(1_000);
    assertThat(mailsTo(email)).hasSize(2);
  }
}
