package de.rathaus.domain.participation;

import de.rathaus.domain.shared.PersonalData;

/**
 * What a citizen writes in a comment: the name they choose to appear under and the text. Both are
 * personal data of the commenting citizen.
 */
public record CommentContent(@PersonalData String displayName, @PersonalData String text) {

  public CommentContent {
    if (displayName == null || displayName.isBlank()) {
      throw new IllegalArgumentException("A comment names the name its author appears under");
    }
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("A comment has a text");
    }
  }

  @Override
  public String toString() {
    return "CommentContent[personal data]";
  }
}
