package de.rathaus.domain.transparency;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransparencyLogTest {

  private static final TransparencyLogId LOG = new TransparencyLogId("heilbronn.de/rathaus");
  private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");

  private FixtureConfiguration<TransparencyLog> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(TransparencyLog.class);
  }

  private static RecordCheckpoint record(long size) {
    return new RecordCheckpoint(LOG, size, "root" + size, T, "sig", "0a1b2c3d", "note", size - 1);
  }

  private static CheckpointRecorded recorded(long size) {
    return new CheckpointRecorded(LOG, size, "root" + size, T, "sig", "0a1b2c3d", "note");
  }

  @Test
  void theFirstCheckpointIsRecorded() {
    fixture.givenNoPriorActivity().when(record(10)).expectEvents(recorded(10));
  }

  @Test
  void aCheckpointThatCoversMoreThanTheLastIsRecorded() {
    fixture.given(recorded(10)).when(record(11)).expectEvents(recorded(11));
  }

  @Test
  void aCheckpointOfTheSameSizeAsTheLastIsRefused() {
    fixture
        .given(recorded(10))
        .when(record(10))
        .expectException(CheckpointRuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void aCheckpointSmallerThanTheLastIsRefused() {
    fixture
        .given(recorded(10))
        .when(record(9))
        .expectException(CheckpointRuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void aCheckpointThatAddsOnlyTheLastCheckpointIsRefused() {
    fixture
        .given(recorded(10))
        .when(new RecordCheckpoint(LOG, 11, "root11", T, "sig", "0a1b2c3d", "note", 9))
        .expectException(CheckpointRuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void aCheckpointThatAddsAnEventAfterTheLastCheckpointIsRecorded() {
    fixture
        .given(recorded(10))
        .when(new RecordCheckpoint(LOG, 12, "root12", T, "sig", "0a1b2c3d", "note", 11))
        .expectEvents(recorded(12));
  }
}
