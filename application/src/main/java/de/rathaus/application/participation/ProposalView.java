package de.rathaus.application.participation;

import de.rathaus.application.shared.Versioned;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.FeedbackItemPutUp;
import de.rathaus.domain.participation.ProposalAnswered;
import de.rathaus.domain.participation.ProposalEdited;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.ProposalSubmitted;
import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

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
 * @param tally its supports (a proposal) or ratings (a feedback item): counts only
 * @param comments every comment and reply in the order written, hidden ones included (never
 *     answered to the public: see {@link #visibleComments()})
 * @param moderation whether the proposal is hidden, and why
 * @param answers the city's answers and its duty to answer
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
    // --- supports and ratings
    ProposalTally tally,
    // --- comments and moderation
    List<CommentView> comments,
    ModerationState moderation,
    // --- the city's answers
    ProposalAnswers answers)
    implements Versioned<ProposalView> {

  public ProposalView {
    // a record stored before supports came has none
    tally = tally == null ? ProposalTally.PROPOSAL : tally;
    // a record stored before comments existed has neither
    comments = comments == null ? List.of() : List.copyOf(comments);
    moderation = moderation == null ? ModerationState.NONE : moderation;
    answers = answers == null ? ProposalAnswers.NONE : answers;
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
        ProposalTally.PROPOSAL,
        List.of(),
        ModerationState.NONE,
        ProposalAnswers.under(e.supportThreshold(), e.answerDeadlineDays()));
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
        tally,
        comments,
        moderation,
        answers);
  }

  /** Whether its author ever edited it (the public sees that). */
  public boolean edited() {
    return editedAt != null;
  }

  @Override
  public ProposalView atSequence(long sequence) {
    return with(sequence, tally, comments, moderation, answers);
  }

  // --- comments and moderation

  private ProposalView with(List<CommentView> comments, ModerationState moderation) {
    return with(sequence, tally, comments, moderation, answers);
  }

  ProposalView commented(CommentView comment) {
    List<CommentView> all = new ArrayList<>(comments);
    all.add(comment);
    return with(all, moderation);
  }

  ProposalView comment(
      de.rathaus.domain.participation.CommentId comment, UnaryOperator<CommentView> change) {
    return with(
        comments.stream().map(c -> c.id().equals(comment) ? change.apply(c) : c).toList(),
        moderation);
  }

  ProposalView moderated(ModerationState moderation) {
    return with(comments, moderation);
  }

  // --- the city's answers

  ProposalView answered(ProposalAnswered e) {
    return withAnswers(
        answers.with(
            new AnswerEntry(e.status(), e.reasoning().german(), e.at(), e.reasoning().english())));
  }

  /** With {@code supports} supports counted at {@code at} (see {@link ProposalAnswers}). */
  ProposalView supportsCounted(int supports, Instant at) {
    ProposalAnswers counted = answers.supportsCounted(supports, at);
    return counted == answers ? this : withAnswers(counted);
  }

  private ProposalView withAnswers(ProposalAnswers answers) {
    return with(sequence, tally, comments, moderation, answers);
  }

  /** The city's answer in force, or {@code null} if it has not answered. */
  public AnswerEntry answer() {
    return answers.inForce();
  }

  /** By when the city must answer, or {@code null} if no deadline runs. */
  public Instant answerDue() {
    return answers.due();
  }

  /** Where the city stands with its duty to answer, at {@code now}. */
  public AnswerDuty answerDuty(Instant now) {
    return answers.duty(now);
  }

  /** Whether a moderator hid it: the public then sees only that, and why. */
  public boolean hidden() {
    return moderation.hidden();
  }

  /**
   * The comments the public sees, in the order written: neither hidden ones nor replies to a hidden
   * comment (they answer what the public cannot read; they come back when it is restored).
   */
  public List<CommentView> visibleComments() {
    Set<de.rathaus.domain.participation.CommentId> hiddenOnes = new HashSet<>();
    for (CommentView c : comments) {
      if (c.hidden()) {
        hiddenOnes.add(c.id());
      }
    }
    return comments.stream()
        .filter(c -> !c.hidden() && (c.parent() == null || !hiddenOnes.contains(c.parent())))
        .toList();
  }

  // --- feedback items, supports and ratings

  static ProposalView putUp(FeedbackItemPutUp e) {
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
        ProposalTally.ITEM,
        List.of(),
        ModerationState.NONE,
        ProposalAnswers.NONE);
  }

  /** Whether it is an item the city put up in a feedback consultation (rated, not supported). */
  public boolean feedbackItem() {
    return tally.ratings() != null;
  }

  /**
   * With its tally changed at {@code at}: the first time its supports reach the consultation's
   * threshold, the city's answer deadline starts to run.
   */
  ProposalView tallied(ProposalTally next, Instant at) {
    return with(sequence, next, comments, moderation, answers)
        .supportsCounted((int) Math.min(Integer.MAX_VALUE, next.supports()), at);
  }

  /** The same proposal, as written, with these parts. */
  private ProposalView with(
      long sequence,
      ProposalTally tally,
      List<CommentView> comments,
      ModerationState moderation,
      ProposalAnswers answers) {
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
        tally,
        comments,
        moderation,
        answers);
  }

  /** Without the personal parts and without the author. */
  @Override
  public String toString() {
    return "ProposalView[id=%s, consultation=%s, submittedAt=%s, editedAt=%s, sequence=%d, tally=%s]"
        .formatted(id, consultation, submittedAt, editedAt, sequence, tally);
  }
}
