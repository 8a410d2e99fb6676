package de.rathaus.domain.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The ids, phases and formats of consultations. */
class ConsultationValuesTest {

  @Test
  void aConsultationIdIsItsPrefixAndARandomUuid() {
    UUID uuid = UUID.randomUUID();
    ConsultationId id = ConsultationId.of(uuid);

    assertThat(id.value()).isEqualTo("consultation-" + uuid);
    assertThat(id.toString()).isEqualTo(id.value());
    assertThat(ConsultationId.wellFormed(id.value())).isTrue();
    assertThat(ConsultationId.of(UUID.randomUUID())).isNotEqualTo(id);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "consultation-",
        "3f1c2d9e-0b7a-4c55-9d7e-2a1b3c4d5e6f",
        "action-field:mobilitaet",
        "consultation-3F1C2D9E-0B7A-4C55-9D7E-2A1B3C4D5E6F",
        "consultation-radwege",
        "consultation-3f1c2d9e-0b7a-4c55-9d7e-2a1b3c4d5e6f-x"
      })
  void anythingElseIsNoConsultationId(String wrong) {
    assertThatThrownBy(() -> new ConsultationId(wrong))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ConsultationId.wellFormed(wrong)).isFalse();
  }

  @Test
  void phasesMoveForwardInTheirOrder() {
    assertThat(ConsultationPhase.values())
        .containsExactly(
            ConsultationPhase.DRAFT,
            ConsultationPhase.OPEN,
            ConsultationPhase.VOTING,
            ConsultationPhase.CLOSED,
            ConsultationPhase.RESULTS_PUBLISHED);
    assertThat(ConsultationPhase.CLOSED.isAfter(ConsultationPhase.VOTING)).isTrue();
    assertThat(ConsultationPhase.OPEN.isAfter(ConsultationPhase.OPEN)).isFalse();
    assertThat(ConsultationPhase.DRAFT.isPublic()).isFalse();
    assertThat(ConsultationPhase.OPEN.isPublic()).isTrue();
  }

  @Test
  void onlyIdeasHaveAVotingPhase() {
    assertThat(ConsultationFormat.IDEAS.hasVoting()).isTrue();
    assertThat(ConsultationFormat.FEEDBACK.hasVoting()).isFalse();
  }

  @Test
  void contentNeedsItsRequiredParts() {
    ConsultationContent ok = ConsultationTest.feedback();
    assertThatThrownBy(
            () ->
                new ConsultationContent(
                    null,
                    ok.description(),
                    ok.actionField(),
                    ok.sustainabilityGoals(),
                    null,
                    ok.format(),
                    ok.opensAt(),
                    ok.closesAt(),
                    null,
                    null,
                    null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ConsultationContent(
                    ok.title(),
                    ok.description(),
                    ok.actionField(),
                    null,
                    null,
                    ok.format(),
                    ok.opensAt(),
                    ok.closesAt(),
                    null,
                    null,
                    null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ConsultationContent(
                    ok.title(),
                    ok.description(),
                    ok.actionField(),
                    ok.sustainabilityGoals(),
                    null,
                    ok.format(),
                    null,
                    ok.closesAt(),
                    null,
                    null,
                    null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyContentRuleNamesItsFieldAndEveryPhaseRuleNone() {
    assertThat(ConsultationRuleViolation.Code.CLOSES_BEFORE_IT_OPENS.field()).isEqualTo("closesAt");
    assertThat(ConsultationRuleViolation.Code.DUPLICATE_GOAL.field())
        .isEqualTo("sustainabilityGoals");
    assertThat(ConsultationRuleViolation.Code.NOT_FORWARD.field()).isNull();
  }
}
