package de.rathaus.application.participation;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.application.audit.FindStateAsOf;
import de.rathaus.application.audit.RecordedEvents;
import de.rathaus.application.audit.StatesAsOf;
import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ProposalEdited;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.ProposalSubmitted;
import de.rathaus.domain.participation.ProposalSupportWithdrawn;
import de.rathaus.domain.participation.ProposalSupported;
import de.rathaus.domain.participation.SupportId;
import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

/**
 * A proposal as it stood at a moment: its own events and the supports about it (events of other
 * histories) up to then, in their global order.
 */
class ProposalAsOfTest {

  private static final Instant T = Instant.parse("2026-05-01T08:00:00Z");
  private static final ConsultationId CONSULTATION = ConsultationId.of(UUID.randomUUID());
  private static final CitizenId ANNA = new CitizenId("anna");

  private final RecordedEvents store =
      new RecordedEvents(
          payload ->
              payload instanceof ProposalSupported s
                  ? s.proposal().value()
                  : payload instanceof ProposalSupportWithdrawn w ? w.proposal().value() : null);
  private final StatesAsOf states = new StatesAsOf(store);

  private static Instant at(int minutes) {
    return T.plusSeconds(60L * minutes);
  }

  private long proposalEvent(ProposalId id, long sequence, Object payload, Instant at) {
    return store.store(
        new GenericDomainEventMessage<>("Proposal", id.value(), sequence, payload), at);
  }

  private long support(int citizen, Object payload, long sequence, Instant at) {
    return store.store(
        new GenericDomainEventMessage<>("Support", "support-" + citizen, sequence, payload), at);
  }

  private ProposalView asOf(ProposalId id, long position) {
    return (ProposalView)
        states.handle(FindStateAsOf.atPosition(id.value(), position)).orElseThrow().view();
  }

  @Test
  void theSupportsOfOtherHistoriesCountUpToTheMomentOnly() {
    ProposalId id = ProposalId.of(UUID.randomUUID());
    SupportId one = SupportId.of(String.format("%043d", 1));
    SupportId two = SupportId.of(String.format("%043d", 2));
    long submitted =
        proposalEvent(
            id,
            0,
            new ProposalSubmitted(id, CONSULTATION, ANNA, "Anna B.", "Bänke", "Mehr", null, T),
            at(0));
    long first = support(1, new ProposalSupported(one, id, at(1)), 0, at(1));
    long second = support(2, new ProposalSupported(two, id, at(2)), 0, at(2));
    long edited =
        proposalEvent(
            id,
            1,
            new ProposalEdited(id, ANNA, "Anna B.", "Bänke!", "Mehr Bänke", null, at(3)),
            at(3));
    long withdrawn = support(1, new ProposalSupportWithdrawn(one, id, at(4)), 1, at(4));

    assertThat(asOf(id, submitted).tally().supports()).isZero();
    assertThat(asOf(id, first).tally().supports()).isEqualTo(1);
    assertThat(asOf(id, second).tally().supports()).isEqualTo(2);
    assertThat(asOf(id, edited).tally().supports()).isEqualTo(2);
    assertThat(asOf(id, edited).title()).isEqualTo("Bänke!");
    assertThat(asOf(id, withdrawn).tally().supports()).isEqualTo(1);
    assertThat(
            ((ProposalView) states.handle(FindStateAsOf.at(id.value(), at(2))).orElseThrow().view())
                .tally()
                .supports())
        .isEqualTo(2);
    assertThat(
            states.handle(FindStateAsOf.atPosition(id.value(), withdrawn)).orElseThrow().sequence())
        .isEqualTo(1);
  }

  @Test
  void aSupportsOwnHistoryHasNoViewOfItsOwn() {
    ProposalId id = ProposalId.of(UUID.randomUUID());
    support(7, new ProposalSupported(SupportId.of(String.format("%043d", 7)), id, at(1)), 0, at(1));

    assertThat(states.handle(FindStateAsOf.atPosition("support-7", 1_000))).isEmpty();
  }
}
