package de.rathaus.domain.participation;

import de.rathaus.domain.shared.CitizenId;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A citizen commented on a proposal ({@code parent} {@code null}) or replied to one of its
 * top-level comments. It appears under the name they chose, never under their account.
 *
 * <p>Personal data of the commenting citizen (encrypted under their key, read as erased after their
 * erasure, while the comment, its replies and its moderation stay): the display name and the text.
 * Neither is in {@link #toString()}.
 *
 * @param parent the top-level comment replied to, or {@code null}
 */
@Revision("1")
public record CommentPosted(
    ProposalId id,
    CommentId comment,
    CommentId parent,
    @DataSubject CitizenId author,
    @PersonalData String displayName,
    @PersonalData String text,
    Instant at) {

  @Override
  public String toString() {
    return "CommentPosted[id=%s, comment=%s, parent=%s, at=%s]".formatted(id, comment, parent, at);
  }
}
