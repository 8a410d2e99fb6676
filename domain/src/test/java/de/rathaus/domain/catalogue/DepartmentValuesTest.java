package de.rathaus.domain.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import de.rathaus.domain.shared.ServiceCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The values and messages of departments. */
class DepartmentValuesTest {

  private static final DepartmentCode STEUERAMT = new DepartmentCode("steueramt");

  @Test
  void aDepartmentsHistoryIsKeptApartFromAServiceOfTheSameCode() {
    DepartmentId id = new RetireDepartment(STEUERAMT, "Merged").id();

    assertThat(id.toString())
        .isEqualTo("department:steueramt")
        .isNotEqualTo(new ServiceCode("steueramt").toString());
    assertThat(id.code()).isEqualTo(STEUERAMT);
    assertThat(new CreateDepartment(STEUERAMT, new LocalizedText("Steueramt", null), null).id())
        .isEqualTo(id);
    assertThat(new ReviseDepartment(STEUERAMT, new LocalizedText("Steueramt", null), null).id())
        .isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"steueramt", "department:", "department:X", "service:steueramt"})
  void aDepartmentIdIsThePrefixAndACode(String wrong) {
    assertThatThrownBy(() -> new DepartmentId(wrong)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aContactMayBeEmptyOrPartial() {
    assertThat(new DepartmentContact(" ", null)).isEqualTo(DepartmentContact.none());
    assertThat(new DepartmentContact(null, "07131 56-2000").phone()).isEqualTo("07131 56-2000");
    assertThat(new DepartmentContact(" amt@stadt.example ", null).email())
        .isEqualTo("amt@stadt.example");
  }

  @ParameterizedTest
  @ValueSource(strings = {"amt", "amt@", "@stadt.example", "amt@stadt", "a b@stadt.example"})
  void refusesAnEmailThatIsNone(String wrong) {
    assertThatThrownBy(() -> new DepartmentContact(wrong, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(wrong);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "12",
        "Bürgeramt",
        "+",
        "0800 CALL NOW",
        "1234567890123456789012345678901234567890x"
      })
  void refusesAPhoneNumberThatIsNone(String wrong) {
    assertThatThrownBy(() -> new DepartmentContact(null, wrong))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eventsWithoutAContactHaveAnEmptyOne() {
    LocalizedText name = new LocalizedText("Steueramt", null);
    assertThat(new DepartmentCreated(STEUERAMT, name, null).contact())
        .isEqualTo(DepartmentContact.none());
    assertThat(new DepartmentContactChanged(STEUERAMT, null).contact())
        .isEqualTo(DepartmentContact.none());
  }

  @Test
  void commandsNameTheDepartmentAndItsName() {
    assertThatThrownBy(() -> new CreateDepartment(null, new LocalizedText("A", null), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReviseDepartment(STEUERAMT, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = " ")
  void retiringNeedsAReason(String reason) {
    assertThatThrownBy(() -> new RetireDepartment(STEUERAMT, reason))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DepartmentRetired(STEUERAMT, reason))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
