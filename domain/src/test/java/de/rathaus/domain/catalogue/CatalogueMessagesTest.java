package de.rathaus.domain.catalogue;

import static de.rathaus.domain.catalogue.Samples.PARKING;
import static de.rathaus.domain.catalogue.Samples.parkingPermit;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CatalogueMessagesTest {

  @Test
  void retiringNeedsAReason() {
    assertThatThrownBy(() -> new RetireServiceDefinition(PARKING, " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ServiceDefinitionRetired(PARKING, 1, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void commandsNameTheServiceAndCarryContent() {
    assertThatThrownBy(() -> new DraftServiceDefinition(null, parkingPermit(0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReviseServiceDefinition(PARKING, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PublishServiceDefinition(null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
