package de.rathaus.infra.eventstore;

import org.axonframework.serialization.Revision;

/** Small events for the engine's contract tests. */
final class TestEvents {
  private TestEvents() {}

  @Revision("1")
  record Opened(String id, String title, java.time.Instant at) {}

  @Revision("1")
  record Noted(String id, int number, java.util.List<String> tags) {}
}
