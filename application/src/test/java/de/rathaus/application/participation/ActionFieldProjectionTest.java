package de.rathaus.application.participation;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.participation.ActionFieldCode;
import de.rathaus.domain.participation.ActionFieldCreated;
import de.rathaus.domain.participation.ActionFieldDescriptionChanged;
import de.rathaus.domain.participation.ActionFieldRenamed;
import de.rathaus.domain.participation.ActionFieldRetired;
import de.rathaus.domain.shared.LocalizedText;
import org.junit.jupiter.api.Test;

class ActionFieldProjectionTest {

  private static final ActionFieldCode MOBILITY = new ActionFieldCode("mobilitaet");
  private static final ActionFieldCode ENERGY = new ActionFieldCode("digitale-energie");
  private static final LocalizedText NAME = new LocalizedText("Mobilität", "Mobility");
  private static final LocalizedText DESCRIPTION = new LocalizedText("Bus und Rad", "Bus and bike");

  private final InMemoryActionFieldViews views = new InMemoryActionFieldViews();
  private final ActionFieldProjection projection = new ActionFieldProjection(views);

  private ActionFieldView found(ActionFieldCode code) {
    return projection.handle(new FindActionField(code)).orElseThrow();
  }

  @Test
  void aCreatedActionFieldIsActive() {
    projection.on(new ActionFieldCreated(MOBILITY, NAME, DESCRIPTION), 0);

    ActionFieldView view = found(MOBILITY);
    assertThat(view.active()).isTrue();
    assertThat(view.name()).isEqualTo(NAME);
    assertThat(view.description()).isEqualTo(DESCRIPTION);
  }

  @Test
  void anActionFieldShowsItsCurrentNameAndDescription() {
    LocalizedText renamed = new LocalizedText("Mobilität und Verkehr", "Transport");
    projection.on(new ActionFieldCreated(MOBILITY, NAME, DESCRIPTION), 0);
    projection.on(new ActionFieldRenamed(MOBILITY, renamed), 1);
    projection.on(new ActionFieldDescriptionChanged(MOBILITY, null), 2);

    assertThat(found(MOBILITY).name()).isEqualTo(renamed);
    assertThat(found(MOBILITY).description()).isNull();
  }

  @Test
  void aRetiredActionFieldStaysReadableButIsNotListedAsActive() {
    projection.on(new ActionFieldCreated(MOBILITY, NAME, null), 0);
    projection.on(
        new ActionFieldCreated(ENERGY, new LocalizedText("Digitale Energie", null), null), 0);
    projection.on(new ActionFieldRetired(MOBILITY, "merged"), 1);

    assertThat(found(MOBILITY).active()).isFalse();
    assertThat(projection.handle(new ListActionFields(false)))
        .extracting(ActionFieldView::code)
        .containsExactly(ENERGY);
    assertThat(projection.handle(new ListActionFields(true)))
        .extracting(ActionFieldView::code)
        .containsExactly(ENERGY, MOBILITY);
  }

  @Test
  void anUnknownCodeFindsNothing() {
    assertThat(projection.handle(new FindActionField(MOBILITY))).isEmpty();
  }

  @Test
  void aRedeliveredEventChangesNothing() {
    LocalizedText first = new LocalizedText("Erster Name", null);
    LocalizedText second = new LocalizedText("Zweiter Name", null);
    projection.on(new ActionFieldCreated(MOBILITY, NAME, null), 0);
    projection.on(new ActionFieldRenamed(MOBILITY, first), 1);
    projection.on(new ActionFieldRenamed(MOBILITY, second), 2);

    projection.on(new ActionFieldRenamed(MOBILITY, first), 1);
    projection.on(new ActionFieldCreated(MOBILITY, NAME, null), 0);

    assertThat(found(MOBILITY).name()).isEqualTo(second);
    assertThat(found(MOBILITY).sequence()).isEqualTo(2);
  }

  @Test
  void aResetEmptiesTheReadModel() {
    projection.on(new ActionFieldCreated(MOBILITY, NAME, null), 0);
    projection.reset();
    assertThat(views.list()).isEmpty();
  }
}
