package de.rathaus.api.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LimitPropertiesTest {

  @Test
  void aCitizenMaySubmitTwentyRequestsAnHourUnlessConfigured() {
    assertThat(new LimitProperties(null).requestsPerHour()).isEqualTo(20);
    assertThat(new LimitProperties(5).requestsPerHour()).isEqualTo(5);
  }
}
