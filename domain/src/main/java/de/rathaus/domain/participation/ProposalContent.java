package de.rathaus.domain.participation;

import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.shared.PersonalData;

/**
 * What a citizen writes in a proposal: the name they choose to appear under, its title and text,
 * and optionally where it is about. All of it is personal data (a name, and words of one's own can
 * identify the writer; the address may be their home), only the coordinates are not.
 *
 * @param location where the proposal is about, or {@code null}
 */
public record ProposalContent(
    @PersonalData String displayName,
    @PersonalData String title,
    @PersonalData String text,
    Location location) {

  public ProposalContent {
    if (displayName == null || displayName.isBlank()) {
      throw new IllegalArgumentException("A proposal names the name its author appears under");
    }
    if (title == null || title.isBlank() || text == null || text.isBlank()) {
      throw new IllegalArgumentException("A proposal has a title and a text");
    }
  }

  @Override
  public String toString() {
    return "ProposalContent[personal data]";
  }
}
