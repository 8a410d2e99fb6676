package de.rathaus.application.open311;

import de.rathaus.domain.open311.Open311KeyId;

/** Asks for one API key by its public id, valid or revoked; empty if no key has that id. */
public record FindOpen311Key(Open311KeyId id) {

  public FindOpen311Key {
    if (id == null) {
      throw new IllegalArgumentException("A key id is required");
    }
  }
}
