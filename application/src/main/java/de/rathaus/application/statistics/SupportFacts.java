package de.rathaus.application.statistics;

import de.rathaus.application.shared.Versioned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One citizen's support of one proposal, known by its pseudonym only: whether it stands, and when
 * it was given and withdrawn (from which the moment a proposal's supports first reached its
 * threshold follows).
 *
 * @param changes when the support was given ({@code standing} true) or withdrawn, oldest first
 */
public record SupportFacts(String id, String proposal, List<Change> changes, long sequence)
    implements Versioned<SupportFacts> {

  public SupportFacts {
    changes = List.copyOf(changes);
  }

  /** The support was given ({@code standing}) or withdrawn at {@code at}. */
  public record Change(Instant at, boolean standing) {}

  static SupportFacts of(String id, String proposal) {
    return new SupportFacts(id, proposal, List.of(), 0);
  }

  SupportFacts changed(Instant at, boolean standing) {
    List<Change> more = new ArrayList<>(changes);
    more.add(new Change(at, standing));
    return new SupportFacts(id, proposal, more, sequence);
  }

  /** Whether the support stands now. */
  public boolean standing() {
    return !changes.isEmpty() && changes.get(changes.size() - 1).standing();
  }

  @Override
  public SupportFacts atSequence(long sequence) {
    return new SupportFacts(id, proposal, changes, sequence);
  }
}
