package de.rathaus.application.open311;

import java.util.Optional;

/**
 * Checks a presented API key against the recorded hashes: the key's id part finds the one key it
 * can be (one lookup), and the SHA-256 of the whole presented key must equal that key's hash
 * (compared in constant time). A key of the wrong form, an unknown id, a wrong secret and a revoked
 * key are all simply no client. The key is read from the read model, which a revocation's answer
 * waits for (read-your-writes), so a key revoked is refused from that answer on.
 */
public class HashedOpen311Keys implements Open311Keys {

  private final Open311KeyViews views;

  public HashedOpen311Keys(Open311KeyViews views) {
    this.views = views;
  }

  @Override
  public Optional<Open311Client> verify(String presentedKey) {
    return Open311KeyHashes.idOf(presentedKey)
        .flatMap(id -> views.find(id.value()))
        .filter(Open311KeyView::valid)
        .filter(view -> Open311KeyHashes.matches(presentedKey, view.keyHash()))
        .map(view -> new Open311Client(view.id().value(), view.name()));
  }
}
