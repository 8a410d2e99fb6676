package de.rathaus.application.notification;

import de.rathaus.application.shared.ViewUpdates;
import de.rathaus.domain.notification.EmailNotificationsSwitched;
import de.rathaus.domain.notification.NotificationPreferenceId;
import de.rathaus.domain.participation.ProposalAnswered;
import de.rathaus.domain.participation.ProposalSubmitted;
import de.rathaus.domain.privacy.PersonalDataErased;
import de.rathaus.domain.servicerequest.CaseBecameOverdue;
import de.rathaus.domain.servicerequest.CaseDecided;
import de.rathaus.domain.servicerequest.CaseForwarded;
import de.rathaus.domain.servicerequest.InformationRequested;
import de.rathaus.domain.servicerequest.ObjectionDecided;
import de.rathaus.domain.servicerequest.ServiceRequestSubmitted;
import de.rathaus.domain.shared.CitizenId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Writes the outbox: one message per event a citizen is told about, keyed by the event's id, in the
 * language they used when they submitted (metadata {@value #LANGUAGE}; German without it). It keeps
 * what it needs for that (each request's contact, each proposal's author, each citizen's setting)
 * in records that, like every read model's, ignore a redelivered event.
 *
 * <p>No message is written twice, nor for an old event: not while its processor replays (a reset
 * replays only what it has handled before), not for an event already in the outbox, and not for an
 * event older than {@code maxAge} when it is handled (so that the first start of a version with
 * notifications on an existing history, or a processor reset whose replay window is gone, does not
 * mail anyone about the past). Its records are never emptied: it has no reset handler.
 */
public class NotificationOutboxProjection {

  /** The processor's name. */
  public static final String NAME = "notification-outbox";

  /** The metadata entry with the language of the caller who sent the command. */
  public static final String LANGUAGE = "language";

  private final Outbox outbox;
  private final RequestContacts contacts;
  private final ProposalAuthors authors;
  private final NotificationSettings settings;
  private final Clock clock;
  private final Clock stamps;
  private final Duration maxAge;

  public NotificationOutboxProjection(
      Outbox outbox,
      RequestContacts contacts,
      ProposalAuthors authors,
      NotificationSettings settings,
      Clock clock,
      Duration maxAge) {
    this(outbox, contacts, authors, settings, clock, clock, maxAge);
  }

  /**
   * @param clock the engine's clock, on which the sender schedules the mails
   * @param stamps the clock that stamped the events, on which an event's age is measured (the same
   *     time as {@code clock} in a running engine; a test that moves only the engine's clock keeps
   *     a fresh event fresh)
   */
  public NotificationOutboxProjection(
      Outbox outbox,
      RequestContacts contacts,
      ProposalAuthors authors,
      NotificationSettings settings,
      Clock clock,
      Clock stamps,
      Duration maxAge) {
    this.outbox = outbox;
    this.contacts = contacts;
    this.authors = authors;
    this.settings = settings;
    this.clock = clock;
    this.stamps = stamps;
    this.maxAge = maxAge;
  }

  @EventHandler
  void on(
      ServiceRequestSubmitted event,
      @SequenceNumber long sequence,
      @MetaDataValue(LANGUAGE) String language,
      EventMessage<?> message,
      ReplayStatus replay) {
    MailLanguage lang = MailLanguage.of(language);
    MailAddress address =
        event.applicantEmail() == null ? null : new MailAddress(event.applicantEmail());
    RequestContact contact =
        new RequestContact(
            event.id().value(),
            event.applicant(),
            address,
            lang,
            event.caseNumber().value(),
            event.submittedAt(),
            sequence);
    ViewUpdates.apply(contacts, contact.id(), sequence, before -> contact);
    tell(
        message,
        replay,
        contact,
        NotificationKind.SUBMITTED,
        MailTexts.date(lang, event.dueDate()),
        "");
  }

  @EventHandler
  void on(InformationRequested event, EventMessage<?> message, ReplayStatus replay) {
    contacts
        .find(event.id().value())
        .ifPresent(
            contact ->
                tell(
                    message,
                    replay,
                    contact,
                    NotificationKind.INFORMATION_REQUESTED,
                    MailTexts.date(contact.language(), event.answerDueDate()),
                    ""));
  }

  /** Names the department it went to, never the clerk, nor the reason (an internal text). */
  @EventHandler
  void on(CaseForwarded event, EventMessage<?> message, ReplayStatus replay) {
    contacts
        .find(event.id().value())
        .ifPresent(
            contact ->
                tell(
                    message,
                    replay,
                    contact,
                    NotificationKind.FORWARDED,
                    event.toDepartment().value(),
                    ""));
  }

  @EventHandler
  void on(CaseDecided event, EventMessage<?> message, ReplayStatus replay) {
    contacts
        .find(event.id().value())
        .ifPresent(
            contact ->
                tell(
                    message,
                    replay,
                    contact,
                    NotificationKind.DECIDED,
                    MailTexts.word(contact.language(), "outcome." + event.decision().outcome()),
                    ""));
  }

  /** The decision on an objection: its outcome, never its reasoning (read signed in). */
  @EventHandler
  void on(ObjectionDecided event, EventMessage<?> message, ReplayStatus replay) {
    contacts
        .find(event.id().value())
        .ifPresent(
            contact ->
                tell(
                    message,
                    replay,
                    contact,
                    NotificationKind.OBJECTION_DECIDED,
                    MailTexts.word(contact.language(), "objection." + event.outcome()),
                    ""));
  }

  @EventHandler
  void on(CaseBecameOverdue event, EventMessage<?> message, ReplayStatus replay) {
    contacts
        .find(event.id().value())
        .ifPresent(
            contact ->
                tell(
                    message,
                    replay,
                    contact,
                    NotificationKind.OVERDUE,
                    MailTexts.date(contact.language(), event.dueDate()),
                    ""));
  }

  @EventHandler
  void on(
      ProposalSubmitted event,
      @SequenceNumber long sequence,
      @MetaDataValue(LANGUAGE) String language) {
    ProposalAuthor author =
        new ProposalAuthor(event.id().value(), event.author(), MailLanguage.of(language), sequence);
    ViewUpdates.apply(authors, author.id(), sequence, before -> author);
  }

  /**
   * Tells the author, at the address of their latest request that gave one (the engine keeps no
   * other address of a citizen); an author who never gave one is not told.
   */
  @EventHandler
  void on(ProposalAnswered event, EventMessage<?> message, ReplayStatus replay) {
    Optional<ProposalAuthor> author = authors.find(event.id().value());
    if (author.isEmpty()) {
      return;
    }
    CitizenId citizen = author.get().author();
    MailLanguage language = author.get().language();
    contacts
        .latestWithAddress(citizen)
        .ifPresent(
            contact ->
                write(
                    message,
                    replay,
                    citizen,
                    NotificationKind.PROPOSAL_ANSWERED,
                    contact.address(),
                    language,
                    "",
                    MailTexts.word(language, "answer." + event.status()),
                    event.reasoning() == null
                        ? ""
                        : event.reasoning().in(language == MailLanguage.ENGLISH ? "en" : "de")));
  }

  @EventHandler
  void on(EmailNotificationsSwitched event, @SequenceNumber long sequence) {
    ViewUpdates.apply(
        settings,
        event.id().value(),
        sequence,
        before -> new NotificationSetting(event.id().value(), event.citizen(), event.on(), 0));
    if (!event.on()) {
      outbox.endPendingOf(event.citizen(), DeliveryStatus.CANCELLED);
    }
  }

  /** Nothing waiting for an erased citizen is sent (their mails are unreadable anyway). */
  @EventHandler
  void on(PersonalDataErased event) {
    outbox.endPendingOf(event.subject(), DeliveryStatus.ERASED);
  }

  @QueryHandler
  public NotificationSetting handle(FindNotificationSetting query) {
    NotificationPreferenceId id = NotificationPreferenceId.of(query.citizen());
    return settings
        .find(id.value())
        .orElse(new NotificationSetting(id.value(), query.citizen(), true, -1));
  }

  private void tell(
      EventMessage<?> message,
      ReplayStatus replay,
      RequestContact contact,
      NotificationKind kind,
      String detail,
      String more) {
    write(
        message,
        replay,
        contact.applicant(),
        kind,
        contact.address(),
        contact.language(),
        contact.caseNumber(),
        detail,
        more);
  }

  private void write(
      EventMessage<?> message,
      ReplayStatus replay,
      CitizenId recipient,
      NotificationKind kind,
      MailAddress address,
      MailLanguage language,
      String caseNumber,
      String detail,
      String more) {
    if (replay.isReplay() || address == null || !wanted(recipient)) {
      return;
    }
    if (message.getTimestamp().isBefore(stamps.instant().minus(maxAge))) {
      return;
    }
    Instant now = clock.instant();
    outbox.add(
        OutboxMessage.pending(
            message.getIdentifier(),
            recipient,
            kind,
            MailTexts.mail(address, language, kind, caseNumber, detail, more),
            now));
  }

  private boolean wanted(CitizenId citizen) {
    return settings
        .find(NotificationPreferenceId.of(citizen).value())
        .map(NotificationSetting::email)
        .orElse(true);
  }
}
