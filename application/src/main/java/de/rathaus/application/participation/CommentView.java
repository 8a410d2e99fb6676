package de.rathaus.application.participation;

import de.rathaus.domain.participation.CommentId;
import de.rathaus.domain.participation.CommentPosted;
import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import java.time.Instant;

/**
 * A comment on a proposal as it is read, kept in the proposal's record. Its display name and text
 * are personal data of the commenting citizen, stored encrypted under <em>their</em> key (not the
 * proposal author's): after their erasure they read as erased while the comment, its replies and
 * its moderation stay. A hidden comment stays in the record (so that restoring it needs no replay)
 * but is never answered to the public.
 *
 * @param parent the top-level comment it replies to, or {@code null}
 * @param author who wrote it, to tell them their own comment: never shown
 * @param hidden whether a moderator hid it
 */
public record CommentView(
    CommentId id,
    CommentId parent,
    @DataSubject CitizenId author,
    @PersonalData String displayName,
    @PersonalData String text,
    Instant createdAt,
    boolean hidden) {

  static CommentView posted(CommentPosted e) {
    return new CommentView(
        e.comment(), e.parent(), e.author(), e.displayName(), e.text(), e.at(), false);
  }

  CommentView hidden(boolean hidden) {
    return new CommentView(id, parent, author, displayName, text, createdAt, hidden);
  }

  /** Without the personal parts and without the author. */
  @Override
  public String toString() {
    return "CommentView[id=%s, parent=%s, createdAt=%s, hidden=%s]"
        .formatted(id, parent, createdAt, hidden);
  }
}
