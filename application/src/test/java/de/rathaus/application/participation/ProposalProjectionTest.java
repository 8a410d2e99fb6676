package de.rathaus.application.participation;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.participation.ConsultationId;
import de.rathaus.domain.participation.ProposalEdited;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.participation.ProposalSubmitted;
import de.rathaus.domain.servicerequest.Location;
import de.rathaus.domain.shared.CitizenId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProposalProjectionTest {

  private static final Instant T = Instant.parse("2026-05-01T08:00:00Z");
  private static final ConsultationId CONSULTATION = ConsultationId.of(UUID.randomUUID());
  private static final CitizenId ANNA = new CitizenId("anna");

  private final InMemoryProposalViews views = new InMemoryProposalViews();
  private final ProposalProjection projection = new ProposalProjection(views);

  private ProposalId submitted(ConsultationId consultation, Instant at) {
    ProposalId id = ProposalId.of(UUID.randomUUID());
    projection.on(
        new ProposalSubmitted(id, consultation, ANNA, "Anna B.", "Bänke", "Mehr Bänke", null, at),
        0);
    return id;
  }

  private ProposalView found(ProposalId id) {
    return projection.handle(new FindProposal(id)).orElseThrow();
  }

  @Test
  void aSubmittedProposalIsReadAsSubmittedAndNotEdited() {
    ProposalId id = submitted(CONSULTATION, T);
    ProposalView view = found(id);
    assertThat(view.title()).isEqualTo("Bänke");
    assertThat(view.displayName()).isEqualTo("Anna B.");
    assertThat(view.consultation()).isEqualTo(CONSULTATION);
    assertThat(view.submittedAt()).isEqualTo(T);
    assertThat(view.edited()).isFalse();
    assertThat(view.editedAt()).isNull();
  }

  @Test
  void anEditShowsTheNewVersionAndWhenItWasEdited() {
    ProposalId id = submitted(CONSULTATION, T);
    Location place = new Location(49.1, 9.2, "Marktplatz");
    projection.on(
        new ProposalEdited(id, ANNA, "Anna", "Schatten", "Bäume", place, T.plusSeconds(60)), 1);
    ProposalView view = found(id);
    assertThat(view.title()).isEqualTo("Schatten");
    assertThat(view.displayName()).isEqualTo("Anna");
    assertThat(view.location()).isEqualTo(place);
    assertThat(view.edited()).isTrue();
    assertThat(view.editedAt()).isEqualTo(T.plusSeconds(60));
    assertThat(view.submittedAt()).isEqualTo(T);
    assertThat(view.sequence()).isEqualTo(1);
  }

  @Test
  void aRedeliveredEditChangesNothing() {
    ProposalId id = submitted(CONSULTATION, T);
    projection.on(new ProposalEdited(id, ANNA, "A", "Zwei", "Text", null, T.plusSeconds(60)), 1);
    projection.on(new ProposalEdited(id, ANNA, "A", "Drei", "Text", null, T.plusSeconds(90)), 2);
    projection.on(new ProposalEdited(id, ANNA, "A", "Zwei", "Text", null, T.plusSeconds(60)), 1);
    assertThat(found(id).title()).isEqualTo("Drei");
    assertThat(found(id).sequence()).isEqualTo(2);
  }

  @Test
  void aConsultationsProposalsArePagedNewestFirstAndOnlyItsOwn() {
    List<ProposalId> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      expected.add(0, submitted(CONSULTATION, T.plusSeconds(i)));
    }
    submitted(ConsultationId.of(UUID.randomUUID()), T.plusSeconds(100));

    ProposalPage first = projection.handle(new ListProposals(CONSULTATION, null, 3));
    assertThat(first.items())
        .extracting(ProposalView::id)
        .containsExactlyElementsOf(expected.subList(0, 3));
    assertThat(first.next()).isNotNull();
    ProposalPage second = projection.handle(new ListProposals(CONSULTATION, first.next(), 3));
    assertThat(second.items())
        .extracting(ProposalView::id)
        .containsExactlyElementsOf(expected.subList(3, 5));
    assertThat(second.next()).isNull();
  }

  @Test
  void aResetEmptiesTheReadModel() {
    ProposalId id = submitted(CONSULTATION, T);
    projection.reset();
    assertThat(projection.handle(new FindProposal(id))).isEmpty();
  }

  @Test
  void theViewPrintsNoPersonalDataNorItsAuthor() {
    ProposalView view = found(submitted(CONSULTATION, T));
    assertThat(view.toString()).doesNotContain("Anna", "Bänke", "anna");
  }
}
