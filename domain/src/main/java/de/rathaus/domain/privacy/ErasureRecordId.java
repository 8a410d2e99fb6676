package de.rathaus.domain.privacy;

import de.rathaus.domain.shared.CitizenId;

/** The id of a citizen's erasure record: one record per citizen, holding all their erasures. */
public record ErasureRecordId(String value) {

  private static final String PREFIX = "erasures-";

  public ErasureRecordId {
    if (value == null || !value.startsWith(PREFIX) || value.length() == PREFIX.length()) {
      throw new IllegalArgumentException("An erasure record id is erasures-<citizen id>");
    }
  }

  public static ErasureRecordId of(CitizenId subject) {
    return new ErasureRecordId(PREFIX + subject.value());
  }

  @Override
  public String toString() {
    return value;
  }
}
