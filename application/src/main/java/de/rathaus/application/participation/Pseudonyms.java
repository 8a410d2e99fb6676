package de.rathaus.application.participation;

import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.shared.CitizenId;
import java.util.Optional;

/**
 * A citizen's keyed pseudonyms: for each purpose and proposal one value that only the citizen's key
 * derives (an HMAC under a key derived from their per-subject key). The engine records supports and
 * ratings under it and never under the citizen's id; once their key is destroyed by their erasure,
 * nobody (the engine included) can tell which of them were theirs, while they still count. Two
 * pseudonyms of one citizen (other proposals, other purposes) cannot be linked to each other.
 *
 * <p>Infra implements it over the store of per-subject keys.
 */
public interface Pseudonyms {

  /** What a pseudonym is for: each purpose derives values of its own. */
  enum Purpose {
    SUPPORT,
    RATING
  }

  /**
   * The citizen's pseudonym for this purpose and proposal (43 characters of base64url), made with
   * their present key, which is made if they have none.
   */
  String of(CitizenId citizen, Purpose purpose, ProposalId proposal);

  /**
   * The same, but without making a key: empty if the citizen has none (they never supported or
   * rated anything under a key that still exists).
   */
  Optional<String> find(CitizenId citizen, Purpose purpose, ProposalId proposal);
}
