package de.rathaus.domain.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rathaus.domain.shared.LocalizedText;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The values and messages of action fields, and the sustainability goals. */
class ParticipationValuesTest {

  private static final ActionFieldCode MOBILITY = new ActionFieldCode("mobilitaet");
  private static final LocalizedText NAME = new LocalizedText("Mobilität", null);

  @Test
  void anActionFieldsHistoryIsKeptApartFromOtherRecordsOfTheSameCode() {
    ActionFieldId id = new RetireActionField(MOBILITY, "Merged").id();

    assertThat(id.toString()).isEqualTo("action-field:mobilitaet");
    assertThat(id.code()).isEqualTo(MOBILITY);
    assertThat(new CreateActionField(MOBILITY, NAME, null).id()).isEqualTo(id);
    assertThat(new ReviseActionField(MOBILITY, NAME, null).id()).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mobilitaet", "action-field:", "action-field:X", "department:mobilitaet"})
  void anActionFieldIdIsThePrefixAndACode(String wrong) {
    assertThatThrownBy(() -> new ActionFieldId(wrong)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"M", "Mobilitaet", "1mobil", "mobil tät", "-mobil"})
  void anActionFieldCodeIsAShortLowercaseId(String wrong) {
    assertThatThrownBy(() -> new ActionFieldCode(wrong))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void commandsAndEventsNameTheActionFieldAndItsName() {
    assertThatThrownBy(() -> new CreateActionField(null, NAME, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CreateActionField(MOBILITY, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReviseActionField(MOBILITY, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ActionFieldCreated(MOBILITY, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ActionFieldRenamed(null, NAME))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ActionFieldDescriptionChanged(null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" "})
  void retiringNeedsAReason(String reason) {
    assertThatThrownBy(() -> new RetireActionField(MOBILITY, reason))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ActionFieldRetired(MOBILITY, reason))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thereAreSeventeenGoalsNumberedOneToSeventeen() {
    assertThat(SustainabilityGoal.values()).hasSize(17);
    assertThat(Arrays.stream(SustainabilityGoal.values()).mapToInt(SustainabilityGoal::number))
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17);
    assertThat(SustainabilityGoal.numbered(13)).contains(SustainabilityGoal.CLIMATE_ACTION);
    assertThat(SustainabilityGoal.CLIMATE_ACTION.code()).isEqualTo("sdg-13");
    assertThat(SustainabilityGoal.CLIMATE_ACTION.title().in("de"))
        .isEqualTo("Maßnahmen zum Klimaschutz");
    assertThat(SustainabilityGoal.CLIMATE_ACTION.title().in("en")).isEqualTo("Climate Action");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 18, -1, Integer.MAX_VALUE})
  void noGoalHasANumberTheUnDoesNotCount(int number) {
    assertThat(SustainabilityGoal.numbered(number)).isEmpty();
  }

  @Test
  void everyGoalHasAGermanAndAnEnglishName() {
    for (SustainabilityGoal goal : SustainabilityGoal.values()) {
      assertThat(goal.title().de()).isNotBlank();
      assertThat(goal.title().en()).isNotBlank().isNotEqualTo(goal.title().de());
    }
  }
}
