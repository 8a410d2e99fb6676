package de.rathaus.application.participation;

import de.rathaus.application.shared.Versioned;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ProposalAnswered;
import de.rathaus.domain.participation.ProposalEdited;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.ProposalSubmitted;
import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A proposal as it is read: its present version, when it was submitted and whether (and when last)
 * its author edited it. Stored with the personal parts (display name, title, text, address)
 * encrypted under the author's key; after the author's erasure they read as erased while the rest
 * stays.
 *
 * @param author the author's pseudonymous id, to tell the author their own proposal: never shown
 * @param location where it is about (coordinates public, address personal), or {@code null}
 * @param editedAt when it was last edited, or {@code null} if never
 * @param sequence the sequence number of the proposal's last event applied
 * @param supportThreshold the supports after which the city must answer, or {@code null}
 * @param answerDeadlineDays the days it has to answer once the threshold is reached, or {@code
 *     null}
 * @param thresholdReachedAt when its supports first reached the threshold, or {@code null}
 * @param answers the city's answers, oldest first (the last is in force)
 */
public record ProposalView(
    ProposalId id,
    ConsultationId consultation,
    @DataSubject CitizenId author,
    @PersonalData String displayName,
    @PersonalData String title,
    @PersonalData String text,
    Location location,
    Instant submittedAt,
    Instant editedAt,
    long sequence,
    Integer supportThreshold,
    Integer answerDeadlineDays,
    Instant thresholdReachedAt,
    List<AnswerEntry> answers)
    implements Versioned<ProposalView> {

  public ProposalView {
    answers = answers == null ? List.of() : List.copyOf(answers);
  }

  static ProposalView submitted(ProposalSubmitted e) {
    return new ProposalView(
        e.id(),
        e.consultation(),
        e.author(),
        e.displayName(),
        e.title(),
        e.text(),
        e.location(),
        e.at(),
        null,
        0,
        e.supportThreshold(),
        e.answerDeadlineDays(),
        null,
        List.of());
  }

  ProposalView edited(ProposalEdited e) {
    return new ProposalView(
        id,
        consultation,
        author,
        e.displayName(),
        e.title(),
        e.text(),
        e.location(),
        submittedAt,
        e.at(),
        sequence,
        supportThreshold,
        answerDeadlineDays,
        thresholdReachedAt,
        answers);
  }

  ProposalView answered(ProposalAnswered e) {
    List<AnswerEntry> more = new ArrayList<>(answers);
    more.add(new AnswerEntry(e.status(), e.reasoning(), e.at()));
    return new ProposalView(
        id,
        consultation,
        author,
        displayName,
        title,
        text,
        location,
        submittedAt,
        editedAt,
        sequence,
        supportThreshold,
        answerDeadlineDays,
        thresholdReachedAt,
        more);
  }

  /**
   * With {@code supports} supports counted at {@code at}: the first time they reach the threshold
   * the answer deadline starts to run; it keeps running if supports are withdrawn afterwards.
   */
  ProposalView supportsCounted(int supports, Instant at) {
    if (supportThreshold == null || thresholdReachedAt != null || supports < supportThreshold) {
      return this;
    }
    return new ProposalView(
        id,
        consultation,
        author,
        displayName,
        title,
        text,
        location,
        submittedAt,
        editedAt,
        sequence,
        supportThreshold,
        answerDeadlineDays,
        at,
        answers);
  }

  /** The city's answer in force, or {@code null} if it has not answered. */
  public AnswerEntry answer() {
    return answers.isEmpty() ? null : answers.get(answers.size() - 1);
  }

  /** By when the city must answer, or {@code null} if no deadline runs. */
  public Instant answerDue() {
    return thresholdReachedAt == null || answerDeadlineDays == null
        ? null
        : thresholdReachedAt.plus(Duration.ofDays(answerDeadlineDays));
  }

  /** Where the city stands with its duty to answer, at {@code now}. */
  public AnswerDuty answerDuty(Instant now) {
    Instant due = answerDue();
    if (due == null) {
      return AnswerDuty.NONE;
    }
    if (!answers.isEmpty()) {
      return answers.get(0).at().isAfter(due)
          ? AnswerDuty.ANSWERED_LATE
          : AnswerDuty.ANSWERED_IN_TIME;
    }
    return now.isAfter(due) ? AnswerDuty.OVERDUE : AnswerDuty.DUE;
  }

  /** Whether its author ever edited it (the public sees that). */
  public boolean edited() {
    return editedAt != null;
  }

  @Override
  public ProposalView atSequence(long sequence) {
    return new ProposalView(
        id,
        consultation,
        author,
        displayName,
        title,
        text,
        location,
        submittedAt,
        editedAt,
        sequence,
        supportThreshold,
        answerDeadlineDays,
        thresholdReachedAt,
        answers);
  }

  /** Without the personal parts and without the author. */
  @Override
  public String toString() {
    return "ProposalView[id=%s, consultation=%s, submittedAt=%s, editedAt=%s, sequence=%d]"
        .formatted(id, consultation, submittedAt, editedAt, sequence);
  }
}
