package de.rathaus.application.audit;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.ProposalSupported;
import de.rathaus.domain.participation.SupportId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class AuditIndexProjectionTest {

  private static final Instant AT = Instant.parse("2026-03-03T10:00:00Z");
  private static final String PROPOSAL = "proposal-6f1c2b1e-0d7a-4c55-9a62-0b3e9d2f4a11";

  /** An index in memory with the port's promise: one entry per key and position. */
  static final class IndexInMemory implements AuditIndex {
    final Map<String, List<Long>> positions = new LinkedHashMap<>();

    @Override
    public void record(long position, Instant timestamp, Set<String> keys) {
      for (String key : keys) {
        List<Long> of = positions.computeIfAbsent(key, k -> new ArrayList<>());
        if (!of.contains(position)) {
          of.add(position);
        }
      }
    }

    @Override
    public void clear() {
      positions.clear();
    }
  }

  private final IndexInMemory index = new IndexInMemory();
  private final AuditIndexProjection projection = new AuditIndexProjection(index);

  private void deliver(Object payload, String aggregateType, MetaData meta, long position) {
    var event = new GenericDomainEventMessage<>(aggregateType, "agg-1", 0, payload, meta);
    projection.on(payload, event, new GlobalSequenceTrackingToken(position));
  }

  private static MetaData clerk() {
    return MetaData.with("actorId", "clara")
        .and("actorRole", "CLERK")
        .and("department", "buergeramt")
        .and("correlationId", "corr-1");
  }

  @Test
  void entersAnEventUnderEachOfItsKeys() {
    deliver(
        new ProposalSupported(SupportId.of("a".repeat(43)), new ProposalId(PROPOSAL), AT),
        "Support",
        clerk(),
        42);

    assertThat(index.positions)
        .containsOnlyKeys(
            "aggregateType:Support",
            "type:ProposalSupported",
            "actor:clara",
            "department:buergeramt",
            "correlation:corr-1",
            "about:" + PROPOSAL);
    assertThat(index.positions.get("about:" + PROPOSAL)).containsExactly(42L);
  }

  @Test
  void anEventWithoutMetadataHasOnlyItsTypeKeys() {
    deliver("text", "Case", MetaData.emptyInstance(), 7);

    assertThat(index.positions).containsOnlyKeys("aggregateType:Case", "type:String");
  }

  @Test
  void aResetEmptiesTheIndex() {
    deliver("text", "Case", clerk(), 7);
    projection.reset();

    assertThat(index.positions).isEmpty();
  }
}
