package de.rathaus.application.participation;

import de.rathaus.application.shared.Versioned;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.FeedbackItemPutUp;
import de.rathaus.domain.participation.ProposalEdited;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.ProposalSubmitted;
import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import java.time.Instant;

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
    ProposalTally tally)
    implements Versioned<ProposalView> {

  public ProposalView {
    // a record stored before supports came has none
    if (tally == null) {
      tally = ProposalTally.PROPOSAL;
    }
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
        ProposalTally.PROPOSAL);
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
        tally);
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
        tally);
  }

  // --- supports helper: feedback items, supports and ratings

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
        ProposalTally.ITEM);
  }

  /** Whether it is an item the city put up in a feedback consultation (rated, not supported). */
  public boolean feedbackItem() {
    return tally.ratings() != null;
  }

  ProposalView tallied(ProposalTally next) {
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
        next);
  }

  /** Without the personal parts and without the author. */
  @Override
  public String toString() {
    return "ProposalView[id=%s, consultation=%s, submittedAt=%s, editedAt=%s, sequence=%d, tally=%s]"
        .formatted(id, consultation, submittedAt, editedAt, sequence, tally);
  }
}
