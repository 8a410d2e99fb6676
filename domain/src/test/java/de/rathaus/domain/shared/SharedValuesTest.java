package de.rathaus.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SharedValuesTest {

  @Test
  void caseNumbersArePaddedAndValidated() {
    assertThat(CaseNumber.of("HN", 2026, 123).value()).isEqualTo("HN-2026-000123");
    assertThatThrownBy(() -> new CaseNumber("2026-123"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void codesAreShortLowercaseIds() {
    assertThat(new ServiceCode("bewohnerparkausweis").value()).isEqualTo("bewohnerparkausweis");
    assertThatThrownBy(() -> new ServiceCode("Bürgeramt"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DepartmentCode("a.b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CitizenId(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void localizedTextFallsBackToGerman() {
    LocalizedText onlyGerman = new LocalizedText("Meldebescheinigung", " ");
    assertThat(onlyGerman.in("en")).isEqualTo("Meldebescheinigung");
    assertThat(new LocalizedText("Hundesteuer", "Dog tax").in("en")).isEqualTo("Dog tax");
    assertThatThrownBy(() -> new LocalizedText(null, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
