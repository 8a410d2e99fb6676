package de.rathaus.domain.catalogue;

import static de.rathaus.domain.catalogue.Samples.parkingPermit;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The test samples are the services they say they are, so no test learns a wrong fact. */
class SamplesTest {

  @Test
  void theParkingPermitCarriesTheLeikaKeyOfTheResidentsParkingPermit() {
    // 99050012104000 is the business registration (Gewerbeanmeldung)
    assertThat(parkingPermit(0).leikaKey())
        .isEqualTo(new LeikaKey("urn:de:fim:leika:leistung:99108001001000"));
  }
}
