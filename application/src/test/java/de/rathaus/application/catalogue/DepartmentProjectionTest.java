package de.rathaus.application.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.catalogue.DepartmentContact;
import de.rathaus.domain.catalogue.DepartmentContactChanged;
import de.rathaus.domain.catalogue.DepartmentCreated;
import de.rathaus.domain.catalogue.DepartmentRenamed;
import de.rathaus.domain.catalogue.DepartmentRetired;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import org.junit.jupiter.api.Test;

public class DepartmentProjectionTest {

  private static final DepartmentCode TIEFBAUAMT = new DepartmentCode("tiefbauamt");
  private static final DepartmentCode BUERGERAMT = new DepartmentCode("buergeramt");
  private static final LocalizedText NAME = new LocalizedText("Tiefbauamt", "Civil Engineering");
  private static final DepartmentContact CONTACT =
      new DepartmentContact("tiefbauamt@stadt.example", null);

  private final InMemoryDepartmentViews views = new InMemoryDepartmentViews();
  private final DepartmentProjection projection = new DepartmentProjection(views);

  private DepartmentView found(DepartmentCode code) {
    return projection.handle(new FindDepartment(code)).orElseThrow();
  }

  @Test
  void aCreatedDepartmentIsActive() {
    projection.on(new DepartmentCreated(TIEFBAUAMT, NAME, CONTACT), 0);

    DepartmentView view = found(TIEFBAUAMT);
    assertThat(view.active()).isTrue();
    assertThat(view.name()).isEqualTo(NAME);
    assertThat(view.contact()).isEqualTo(CONTACT);
  }

  @Test
  void aDepartmentShowsItsCurrentNameAndContact() {
    LocalizedText renamed = new LocalizedText("Amt für Straßenbau", "Roads Office");
    DepartmentContact phone = new DepartmentContact(null, "07131 56-3000");
    projection.on(new DepartmentCreated(TIEFBAUAMT, NAME, CONTACT), 0);
    projection.on(new DepartmentRenamed(TIEFBAUAMT, renamed), 1);
    projection.on(new DepartmentContactChanged(TIEFBAUAMT, phone), 2);

    assertThat(found(TIEFBAUAMT).name()).isEqualTo(renamed);
    assertThat(found(TIEFBAUAMT).contact()).isEqualTo(phone);
  }

  @Test
  void aRetiredDepartmentStaysReadableButIsNotListedAsActive() {
    projection.on(new DepartmentCreated(TIEFBAUAMT, NAME, CONTACT), 0);
    projection.on(
        new DepartmentCreated(BUERGERAMT, new LocalizedText("Bürgeramt", "Citizens' Office"), null),
        0);
    projection.on(new DepartmentRetired(TIEFBAUAMT, "merged"), 1);

    assertThat(found(TIEFBAUAMT).active()).isFalse();
    assertThat(projection.handle(new ListDepartments(false)))
        .extracting(DepartmentView::code)
        .containsExactly(BUERGERAMT);
    assertThat(projection.handle(new ListDepartments(true)))
        .extracting(DepartmentView::code)
        .containsExactly(BUERGERAMT, TIEFBAUAMT);
  }

  @Test
  void anUnknownCodeFindsNothing() {
    assertThat(projection.handle(new FindDepartment(TIEFBAUAMT))).isEmpty();
  }

  @Test
  void aRedeliveredEventChangesNothing() {
    LocalizedText first = new LocalizedText("Erster Name", null);
    LocalizedText second = new LocalizedText("Zweiter Name", null);
    projection.on(new DepartmentCreated(TIEFBAUAMT, NAME, CONTACT), 0);
    projection.on(new DepartmentRenamed(TIEFBAUAMT, first), 1);
    projection.on(new DepartmentRenamed(TIEFBAUAMT, second), 2);

    projection.on(new DepartmentRenamed(TIEFBAUAMT, first), 1);
    projection.on(new DepartmentCreated(TIEFBAUAMT, NAME, CONTACT), 0);

    assertThat(found(TIEFBAUAMT).name()).isEqualTo(second);
    assertThat(found(TIEFBAUAMT).sequence()).isEqualTo(2);
  }

  @Test
  void aResetEmptiesTheReadModel() {
    projection.on(new DepartmentCreated(TIEFBAUAMT, NAME, CONTACT), 0);
    projection.reset();
    assertThat(views.list()).isEmpty();
  }
}
