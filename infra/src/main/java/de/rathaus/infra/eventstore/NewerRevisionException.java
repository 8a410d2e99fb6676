package de.rathaus.infra.eventstore;

import de.rathaus.application.shared.StoredByNewerVersion;

/**
 * An event in the store has a newer revision than this version of Rathaus knows: it was written by
 * a newer version (a rolling upgrade under way, or a rollback). The read stops here instead of
 * reading the event in a shape it does not have; a processor stops at the event and tries again,
 * and goes on once an instance of the newer version reads it.
 */
public class NewerRevisionException extends StoredByNewerVersion {

  private final String type;
  private final String storedRevision;
  private final String knownRevision;

  public NewerRevisionException(
      String type, String storedRevision, String knownRevision, String eventId) {
    super(
        "Event "
            + eventId
            + " of type "
            + type
            + " has revision "
            + storedRevision
            + ", newer than revision "
            + knownRevision
            + " that this version knows: it was written by a newer version of Rathaus."
            + " Upgrade this instance; the read resumes at this event.");
    this.type = type;
    this.storedRevision = storedRevision;
    this.knownRevision = knownRevision;
  }

  public String type() {
    return type;
  }

  public String storedRevision() {
    return storedRevision;
  }

  public String knownRevision() {
    return knownRevision;
  }
}
